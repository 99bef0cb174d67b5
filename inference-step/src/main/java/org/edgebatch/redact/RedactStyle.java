package org.edgebatch.redact;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a redacted box is made unrecognisable. */
public enum RedactStyle {

    /** A strong separable box blur (three passes, close to a Gaussian). */
    BLUR,

    /** Square blocks of the box's mean colour. */
    PIXELATE;

    /** The names a spec writes, in lower case. */
    public static List<String> names() {
        return Arrays.stream(values()).map(RedactStyle::specName).toList();
    }

    /** {@code blur} or {@code pixelate}, case-insensitive. */
    public static RedactStyle byName(String name) {
        for (RedactStyle style : values()) {
            if (style.specName().equalsIgnoreCase(name.strip())) {
                return style;
            }
        }
        throw new IllegalArgumentException("unknown redaction style '" + name + "'; known: " + String.join(", ", names()));
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
