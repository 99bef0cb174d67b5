package org.edgebatch.partition.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A video file in a worker's published inventory: its real path on the node, size and modification time, and what
 * probing it found (or why it could not be read as a video).
 *
 * @param probeError why the file is not a readable video, {@code null} when it is
 */
public record NodeFile(String nodeId, Path path, long sizeBytes, Instant lastModified, long frames, double fps,
                       long durationMicros, int width, int height, String probeError) {

    public NodeFile {
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(lastModified, "lastModified must not be null");
    }

    public boolean readable() {
        return probeError == null;
    }
}
