package org.edgebatch.batch.item;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.Detector;
import org.edgebatch.step.DetectProcessor;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.GatedFrame;
import org.edgebatch.step.PendingFrame;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Runs a {@link Detector} on each frame the motion gate let through and returns its detections in the decoded frame's
 * pixels; a frame the gate stopped comes out as skipped (never filtered), so every read frame gets its row. Made by
 * {@link DetectItemProcessorBuilder}; {@link #close()} closes the detector only when the builder opened it.
 */
public final class DetectItemProcessor implements ItemProcessor<GatedFrame, FrameDetections>, AutoCloseable {

    private final Detector detector;
    private final boolean owned;
    private final DetectProcessor mapping = new DetectProcessor();

    DetectItemProcessor(Detector detector, boolean owned) {
        this.detector = Objects.requireNonNull(detector, "detector must not be null");
        this.owned = owned;
    }

    @Override
    public FrameDetections process(GatedFrame frame) throws Exception {
        List<Detection> found = frame.infer() ? detector.detect(frame.frame().image()).detections() : List.of();
        // The job's own processor maps boxes from a scaled-down frame back to the decoded one.
        return mapping.process(new PendingFrame(frame, CompletableFuture.completedFuture(found)));
    }

    /** The detector frames go through. */
    public Detector detector() {
        return detector;
    }

    @Override
    public void close() {
        if (owned) {
            detector.close();
        }
    }
}
