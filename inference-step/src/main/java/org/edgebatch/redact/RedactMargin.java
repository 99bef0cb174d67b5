package org.edgebatch.redact;

import java.util.Locale;

/**
 * How far a redacted region reaches past its detection box on every side: a fraction of the box's width (left and
 * right) and height (top and bottom), written {@code 0.1}, or a number of pixels, written {@code 8px}.
 *
 * @param value  the fraction (0..{@value #MAX_FRACTION}) or the pixels (0..{@value #MAX_PIXELS})
 * @param pixels whether {@code value} is in pixels
 */
public record RedactMargin(double value, boolean pixels) {

    public static final double MAX_FRACTION = 1;
    public static final int MAX_PIXELS = 1000;

    /** What {@link #parse} accepts, for messages. */
    public static final String FORMS = "a fraction of the box 0..1 (e.g. 0.1) or pixels 0.." + MAX_PIXELS + " (e.g. 8px)";

    public RedactMargin {
        if (pixels ? !(value >= 0 && value <= MAX_PIXELS && value == Math.rint(value)) : !(value >= 0 && value <= MAX_FRACTION)) {
            throw new IllegalArgumentException("redaction margin must be " + FORMS + ", was " + value + (pixels ? "px" : ""));
        }
    }

    public static RedactMargin fraction(double fraction) {
        return new RedactMargin(fraction, false);
    }

    public static RedactMargin pixels(int pixels) {
        return new RedactMargin(pixels, true);
    }

    /**
     * Reads {@code 0.1} or {@code 8px}.
     *
     * @throws IllegalArgumentException naming the two forms and what was given
     */
    public static RedactMargin parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        boolean pixels = value.endsWith("px");
        String number = pixels ? value.substring(0, value.length() - 2).strip() : value;
        try {
            return new RedactMargin(Double.parseDouble(number), pixels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + FORMS + ", was '" + text + "'", e);
        }
    }

    /** The margin left and right of a box {@code width} pixels wide. */
    int horizontal(double width) {
        return (int) Math.ceil(pixels ? value : value * Math.max(0, width));
    }

    /** The margin above and below a box {@code height} pixels high. */
    int vertical(double height) {
        return (int) Math.ceil(pixels ? value : value * Math.max(0, height));
    }

    @Override
    public String toString() {
        return pixels ? (long) value + "px" : Double.toString(value);
    }
}
