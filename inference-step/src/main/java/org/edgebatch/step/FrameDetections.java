package org.edgebatch.step;

import java.util.List;
import java.util.Objects;
import org.edgebatch.detect.Detection;
import org.edgebatch.video.VideoFrame;

/**
 * What the detect step made of one sampled frame: whether it was inferred or skipped by the motion gate, and the
 * detections, in the coordinates of the decoded (full-size) frame, whose size it keeps (0 when not known). Holds no
 * pixels, so a chunk of them is small.
 */
public record FrameDetections(String videoId, long frameIndex, long timestampMicros, boolean inferred,
                              boolean motionSkipped, List<Detection> detections, int frameWidth, int frameHeight) {

    public FrameDetections {
        Objects.requireNonNull(videoId, "videoId must not be null");
        detections = List.copyOf(detections);
        if (!inferred && !detections.isEmpty()) {
            throw new IllegalArgumentException("a frame that was not inferred has no detections");
        }
        if (frameWidth < 0 || frameHeight < 0) {
            throw new IllegalArgumentException("frame size must not be negative, was " + frameWidth + "x" + frameHeight);
        }
    }

    /** A frame whose size is not known. */
    public FrameDetections(String videoId, long frameIndex, long timestampMicros, boolean inferred, boolean motionSkipped,
                           List<Detection> detections) {
        this(videoId, frameIndex, timestampMicros, inferred, motionSkipped, detections, 0, 0);
    }

    /** A frame the motion gate kept from the detector. */
    public static FrameDetections skippedByMotion(VideoFrame frame) {
        return new FrameDetections(frame.video(), frame.index(), frame.timestampMicros(), false, true, List.of(),
                frame.sourceWidth(), frame.sourceHeight());
    }

    /** A frame the detector saw. */
    public static FrameDetections inferred(VideoFrame frame, List<Detection> detections) {
        return new FrameDetections(frame.video(), frame.index(), frame.timestampMicros(), true, false, detections,
                frame.sourceWidth(), frame.sourceHeight());
    }
}
