package org.edgebatch.node;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One video file and the node that will read it.
 *
 * @param nodeId       the node the file is assigned to
 * @param path         the file's real path (links and {@code ..} resolved), the same however it was reached
 * @param sizeBytes    its size when the inventory was taken
 * @param lastModified its modification time then; with the size, it tells a re-run whether the file changed
 */
public record VideoAsset(String nodeId, Path path, long sizeBytes, Instant lastModified) {

    public VideoAsset {
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(lastModified, "lastModified must not be null");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative, was " + sizeBytes);
        }
    }
}
