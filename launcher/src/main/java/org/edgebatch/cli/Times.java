package org.edgebatch.cli;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as the text output shows them. */
final class Times {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** An ISO-8601 time with offset as {@code 2026-11-27 14:03:12} (local to where it was written); empty for null. */
    static String shortTime(String iso) {
        if (iso == null || iso.isEmpty()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso).format(SHORT);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
