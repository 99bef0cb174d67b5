package org.edgebatch.video;

import java.util.Objects;

/**
 * Where a {@link FrameReader} is in a video, enough to open another reader exactly there: the last frame it returned
 * (index and both forms of its timestamp, the stream's own one finding it again exactly) and the last index it read
 * at all. The two differ after undecodable frames: they were reported once, and a reader opened here must not report
 * them again.
 *
 * @param video             the id of the video the position belongs to
 * @param frameIndex        the last frame returned, -1 before the first
 * @param timestampMicros   its timestamp in microseconds from the start of the video (0 before the first)
 * @param streamTimestamp   its timestamp in the stream's own time base (0 before the first)
 * @param lastConsumedIndex the last index read, returned or thrown as undecodable; -1 before any
 */
public record VideoPosition(String video, long frameIndex, long timestampMicros, long streamTimestamp,
                            long lastConsumedIndex) {

    public VideoPosition {
        Objects.requireNonNull(video, "video must not be null");
        if (frameIndex < -1) {
            throw new IllegalArgumentException("frameIndex must be -1 or more, was " + frameIndex);
        }
        if (lastConsumedIndex < frameIndex) {
            throw new IllegalArgumentException("lastConsumedIndex (" + lastConsumedIndex
                    + ") must not be before the last returned frame (" + frameIndex + ")");
        }
    }

    /** The start of {@code video}: nothing read yet. */
    public static VideoPosition start(String video) {
        return new VideoPosition(video, -1, 0, 0, -1);
    }

    /** Whether nothing has been read yet: a reader opened here starts at the first frame. */
    public boolean atStart() {
        return lastConsumedIndex < 0;
    }

    /** Whether a frame has been returned, so a reader opened here seeks to it. */
    public boolean hasReturnedFrame() {
        return frameIndex >= 0;
    }
}
