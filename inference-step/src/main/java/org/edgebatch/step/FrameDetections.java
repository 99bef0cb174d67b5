package org.edgebatch.step;

import java.util.List;
import java.util.Objects;
import org.edgebatch.detect.Detection;
import org.edgebatch.video.VideoFrame;

/**
 * What the detect step made of one sampled frame: whether it was inferred or skipped by the motion gate, and the
 * detections, in the coordinates of the decoded (full-size) frame. Holds no pixels, so a chunk of them is small.
 */
public record FrameDetections(String videoId, long frameIndex, long timestampMicros, boolean inferred,
                              boolean motionSkipped, List<Detection> detections) {

    public FrameDetections {
        Objects.requireNonNull(videoId, "videoId must not be null");
        detections = List.copyOf(detections);
        if (!inferred && !detections.isEmpty()) {
            throw new IllegalArgumentException("a frame that was not inferred has no detections");
        }
    }

    /** A frame the motion gate kept from the detector. */
    public static FrameDetections skippedByMotion(VideoFrame frame) {
        return new FrameDetections(frame.video(), frame.index(), frame.timestampMicros(), false, true, List.of());
    }

    /** A frame the detector saw. */
    public static FrameDetections inferred(VideoFrame frame, List<Detection> detections) {
        return new FrameDetections(frame.video(), frame.index(), frame.timestampMicros(), true, false, detections);
    }
}
