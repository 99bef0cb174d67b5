package org.edgebatch.models;

import java.net.URI;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One downloadable file of the catalogue, pinned by URL and SHA-256.
 *
 * @param name        what {@code models pull} takes, e.g. {@code yolov5n-coco-fp16}
 * @param kind        {@code model}, {@code clip} or {@code image}
 * @param file        where it goes in a data folder ({@code models/...}, {@code video/...}, {@code images/...})
 * @param bytes       its size
 * @param sha256      its SHA-256, lower-case hex
 * @param url         where it is downloaded from
 * @param licence     the licence its source states
 * @param description one line about it
 */
public record CatalogEntry(String name, String kind, String file, long bytes, String sha256, URI url, String licence,
                           String description) {

    public CatalogEntry {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(url, "url of " + name + " must not be null");
        if (file == null || file.isBlank() || file.startsWith("/") || file.contains("..")) {
            throw new IllegalArgumentException("catalogue entry " + name + ": file must be a relative path inside the"
                    + " data folder, was '" + file + "'");
        }
        if (sha256 == null || sha256.length() != 64 || !HexFormat.isHexDigit(sha256.charAt(0))) {
            throw new IllegalArgumentException("catalogue entry " + name + ": sha256 must be 64 hex digits, was '" + sha256 + "'");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (bytes <= 0) {
            throw new IllegalArgumentException("catalogue entry " + name + ": bytes must be positive, was " + bytes);
        }
    }
}
