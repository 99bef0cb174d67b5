package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The numbers a cost comparison depends on, by the name they carry in scenario files, flags and reports.
 * Sensitivity sweeps, break-even searches and Monte Carlo runs vary them one by one through {@link CostInputs#with}.
 */
public enum Input {
    STORED_GB_MONTHS("storedGbMonths", "stored GB-months", 0, Double.POSITIVE_INFINITY, false),
    REQUESTS("requests", "storage requests", 0, Double.POSITIVE_INFINITY, false),
    IMAGES("images", "images analysed", 0, Double.POSITIVE_INFINITY, false),
    UPLOADED_GB("uploadedGb", "GB uploaded (centralized)", 0, Double.POSITIVE_INFINITY, false),
    RETAINED_FRACTION("retainedFraction", "retained fraction of the footage", 0, 1, false),
    ACCESS_FACTOR("accessFactor", "edge requests per centralized request", 0, Double.POSITIVE_INFINITY, false),
    EDGE_FRAMES_PER_IMAGE("edgeFramesPerImage", "frames the edge processes per image analysed", 0, Double.POSITIVE_INFINITY, false),
    EDGE_NODES("edgeNodes", "edge nodes", 1, Double.POSITIVE_INFINITY, false),
    FPS_PER_NODE("framesPerSecondPerNode", "frames per second per edge node", 0, Double.POSITIVE_INFINITY, true),
    PRICE_PER_HOUR("pricePerHour", "edge node price per hour", 0, Double.POSITIVE_INFINITY, false),
    UPLINK_PRICE_PER_GB("uplinkPricePerGb", "site uplink price per GB", 0, Double.POSITIVE_INFINITY, false);

    private final String key;
    private final String description;
    private final double min;
    private final double max;
    private final boolean minExclusive;

    Input(String key, String description, double min, double max, boolean minExclusive) {
        this.key = key;
        this.description = description;
        this.min = min;
        this.max = max;
        this.minExclusive = minExclusive;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Throws an exception naming this input when {@code value} is outside its domain. */
    public BigDecimal check(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        double v = value.doubleValue();
        boolean belowMin = minExclusive ? v <= min : v < min;
        if (belowMin || v > max) {
            String range = Double.isInfinite(max)
                    ? (minExclusive ? "> " : ">= ") + trim(min)
                    : "between " + trim(min) + " and " + trim(max);
            throw new IllegalArgumentException(key + " must be " + range + ", was " + value.toPlainString());
        }
        return value;
    }

    /** Pulls a sampled value back into this input's domain (a normal distribution can draw a negative frame rate). */
    public double clamp(double value) {
        double lower = minExclusive ? Math.nextUp(min) : min;
        return Math.max(lower, Math.min(max, value));
    }

    /** The input called {@code key} in a scenario file. */
    public static Input of(String key) {
        for (Input input : values()) {
            if (input.key.equals(key)) {
                return input;
            }
        }
        throw new IllegalArgumentException("unknown input '" + key + "' (known: "
                + Arrays.stream(values()).map(Input::key).collect(Collectors.joining(", ")) + ")");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
