package org.edgebatch.bench.flops;

import java.util.List;
import java.util.Map;

/**
 * The floating-point operations of one inference, counted as two per multiply-accumulate of the convolutions and
 * matrix products (the convention of the published YOLO figures; bias, activations and element-wise operations are
 * not counted): the total, the share per operator type, and the nodes whose shapes could not be worked out (their
 * work is missing from the total, so a caller can say the count is a lower bound).
 */
public record FlopCount(long flops, Map<String, Long> byOperator, List<String> uncounted, List<Long> inputShape) {

    public FlopCount {
        byOperator = Map.copyOf(byOperator);
        uncounted = List.copyOf(uncounted);
        inputShape = List.copyOf(inputShape);
    }

    /** The total in GFLOP (10^9). */
    public double gflops() {
        return flops / 1e9;
    }

    /** Whether every counted operator's shapes were known. */
    public boolean complete() {
        return uncounted.isEmpty();
    }
}
