package org.edgebatch.cost;

import java.math.BigDecimal;

/**
 * The edge compute claim quoted with the published table: {@code footageHours} of {@code sourceFps} video
 * processed on the scenario's edge nodes, and the price it was quoted at (two spot nodes, "$1").
 */
public record ComputeClaim(BigDecimal footageHours, BigDecimal sourceFps, BigDecimal quoted) {

    public ComputeClaim {
        if (footageHours == null || footageHours.signum() <= 0) {
            throw new IllegalArgumentException("footageHours must be > 0, was " + footageHours);
        }
        if (sourceFps == null || sourceFps.signum() <= 0) {
            throw new IllegalArgumentException("sourceFps must be > 0, was " + sourceFps);
        }
    }

    public BigDecimal frames() {
        return footageHours.multiply(BigDecimal.valueOf(3600)).multiply(sourceFps);
    }

    /** The claim worked out on the given inputs' nodes, frames/s per node and price per hour. */
    public ComputeEstimate estimate(CostInputs inputs) {
        return new ComputeEstimate(frames(), inputs.edgeNodes(), inputs.framesPerSecondPerNode(), inputs.pricePerHour());
    }
}
