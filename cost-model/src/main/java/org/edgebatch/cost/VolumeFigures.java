package org.edgebatch.cost;

import java.math.BigDecimal;

/**
 * Volumes given outright in a scenario (the published analysis states 10,000,000 GB-months, 100,000,000 images and,
 * on one reading, 150,000,000 requests, none of which its footage description yields). Each non-null figure replaces
 * the one the footage model derives; they describe the scenario's own camera count and scale with it.
 */
public record VolumeFigures(BigDecimal storedGbMonths, BigDecimal requests, BigDecimal images, BigDecimal uploadedGb) {

    public VolumeFigures {
        nonNegative(storedGbMonths, "storedGbMonths");
        nonNegative(requests, "requests");
        nonNegative(images, "images");
        nonNegative(uploadedGb, "uploadedGb");
    }

    public VolumeFigures scaled(BigDecimal factor) {
        return new VolumeFigures(times(storedGbMonths, factor), times(requests, factor), times(images, factor),
                times(uploadedGb, factor));
    }

    private static BigDecimal times(BigDecimal value, BigDecimal factor) {
        return value == null ? null : value.multiply(factor);
    }

    private static void nonNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value.toPlainString());
        }
    }
}
