package org.edgebatch.cost.analysis;

/**
 * How far one uncertain input moves one provider's savings when it goes from its 5th to its 95th percentile,
 * the others held at their base values (one bar of a tornado chart).
 */
public record Swing(String provider, String input, double low, double high, double savingsAtLow, double savingsAtHigh) {

    public double width() {
        return Math.abs(savingsAtHigh - savingsAtLow);
    }
}
