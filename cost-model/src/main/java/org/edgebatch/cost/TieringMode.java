package org.edgebatch.cost;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How price bands are applied. {@code published} reproduces the published savings table with its quirks
 * (bands as that analysis used them, edge storage scaled from the cloud bill); {@code list-price} applies the
 * providers' list-price bands correctly and re-prices every quantity on them.
 */
public enum TieringMode {
    PUBLISHED("published"),
    LIST_PRICE("list-price");

    private final String key;

    TieringMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The mode named {@code text} (as written on the command line or in a scenario file). */
    public static TieringMode of(String text) {
        for (TieringMode mode : values()) {
            if (mode.key.equalsIgnoreCase(text.strip()) || mode.name().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a tiering mode (known: "
                + Arrays.stream(values()).map(TieringMode::key).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return key;
    }
}
