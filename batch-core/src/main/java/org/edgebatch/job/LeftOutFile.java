package org.edgebatch.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the inventory found by scanning a folder but did not plan: one that is not a readable video (an empty file,
 * an MP4 still being recorded without its index), or one modified within {@code input.settleSeconds}, left for the
 * next run. The run goes on with the rest; reports, {@code status} and the summary list these with their reason.
 *
 * @param nodeId the node whose folder holds the file
 * @param kind   {@link #UNREADABLE} or {@link #DEFERRED}
 * @param reason why, in words (the probe's message, or how recently the file changed)
 */
public record LeftOutFile(String nodeId, Path path, String kind, String reason) {

    /** Not a readable video: skipped for good (until it changes). */
    public static final String UNREADABLE = "unreadable";
    /** Still being written: left for the next run. */
    public static final String DEFERRED = "deferred";

    public LeftOutFile {
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        if (!UNREADABLE.equals(kind) && !DEFERRED.equals(kind)) {
            throw new IllegalArgumentException("kind must be '" + UNREADABLE + "' or '" + DEFERRED + "', was " + kind);
        }
    }

    public static LeftOutFile unreadable(String nodeId, Path path, String reason) {
        return new LeftOutFile(nodeId, path, UNREADABLE, reason);
    }

    /** A file modified {@code ageMillis} ago, less than {@code settleSeconds}. */
    public static LeftOutFile deferred(String nodeId, Path path, long ageMillis, int settleSeconds) {
        return new LeftOutFile(nodeId, path, DEFERRED, "modified " + Math.max(0, ageMillis / 1000) + " s ago, within input.settleSeconds ("
                + settleSeconds + " s): still being written, left for the next run");
    }

    public boolean deferred() {
        return DEFERRED.equals(kind);
    }
}
