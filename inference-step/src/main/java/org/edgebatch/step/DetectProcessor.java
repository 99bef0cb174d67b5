package org.edgebatch.step;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.Detector;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The detect step's processor: waits for the detections {@link InferenceAheadReader} started on a frame (on the
 * node's shared {@link Detector}) and maps its boxes back from the (possibly downscaled) frame the reader returned to
 * the decoded frame's pixels. A frame the motion gate stopped ({@link MotionGatingReader}) comes out as skipped, never
 * filtered, so every sampled frame gets its row. Keeps no state.
 */
public class DetectProcessor implements ItemProcessor<PendingFrame, FrameDetections> {

    @Override
    public FrameDetections process(PendingFrame pending) throws Exception {
        VideoFrame frame = pending.frame().frame();
        if (!pending.frame().infer()) {
            return FrameDetections.skippedByMotion(frame);
        }
        List<Detection> found;
        try {
            found = pending.detections().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
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
