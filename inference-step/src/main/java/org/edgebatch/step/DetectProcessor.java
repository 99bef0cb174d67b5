package org.edgebatch.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.Detector;
import org.edgebatch.video.MotionGate;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The native inference path of the detect step: a frame the motion gate lets through (every frame when there is no
 * gate) goes to the node's shared {@link Detector}; its boxes are mapped back from the (possibly downscaled) frame the
 * reader returned to the decoded frame's pixels. A frame the gate stops is returned as skipped, never filtered, so
 * every sampled frame gets its row.
 *
 * <p>One instance per partition (the gate keeps per-video state); the detector is shared and thread-safe.
 */
public class DetectProcessor implements ItemProcessor<VideoFrame, FrameDetections> {

    private final Detector detector;
    private final MotionGate gate;

    /**
     * @param gate the partition's motion gate, or {@code null} to infer every frame
     */
    public DetectProcessor(Detector detector, MotionGate gate) {
        this.detector = Objects.requireNonNull(detector, "detector must not be null");
        this.gate = gate;
    }

    @Override
    public FrameDetections process(VideoFrame frame) {
        if (gate != null && !gate.test(frame).infer()) {
            return FrameDetections.skippedByMotion(frame);
        }
        List<Detection> found = detector.detect(frame.image()).detections();
        return FrameDetections.inferred(frame, frame.resized() ? toSource(frame, found) : found);
    }

    private static List<Detection> toSource(VideoFrame frame, List<Detection> detections) {
        float sx = (float) frame.scaleX();
        float sy = (float) frame.scaleY();
        float width = frame.sourceWidth();
        float height = frame.sourceHeight();
        List<Detection> scaled = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            scaled.add(new Detection(d.classId(), d.label(), d.score(), Math.min(d.x1() * sx, width),
                    Math.min(d.y1() * sy, height), Math.min(d.x2() * sx, width), Math.min(d.y2() * sy, height)));
        }
        return scaled;
    }
}
