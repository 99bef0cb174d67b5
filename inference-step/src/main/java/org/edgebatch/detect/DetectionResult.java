package org.edgebatch.detect;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Detector#detect} found in one image ({@code width x height}), by descending score, and
 * what each stage cost.
 */
public record DetectionResult(int width, int height, List<Detection> detections,
                              Duration preprocessTime, Duration inferenceTime, Duration postprocessTime) {

    public DetectionResult {
        detections = List.copyOf(detections);
    }

    /** The model run alone, in milliseconds. */
    public double inferenceMillis() {
        return inferenceTime.toNanos() / 1e6;
    }
}
