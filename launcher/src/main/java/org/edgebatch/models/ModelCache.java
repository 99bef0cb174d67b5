package org.edgebatch.models;

import java.nio.file.Path;

/**
 * The folder {@code models pull} downloads into, laid out like a data folder ({@code models/}, {@code video/},
 * {@code images/}), so {@code demo} and {@code bench} read it as one: {@code -Dedgebatch.cache=DIR}, else
 * {@code ~/.cache/edgebatch}.
 */
public final class ModelCache {

    private ModelCache() {
    }

    /** The cache folder this process uses. */
    public static Path folder() {
        String configured = System.getProperty("edgebatch.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "edgebatch");
    }
}
