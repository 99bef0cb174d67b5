package org.edgebatch.step;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.edgebatch.detect.Detection;

/** A gated frame whose detections are being computed (already complete, and empty, when the gate stopped it). */
public record PendingFrame(GatedFrame frame, CompletableFuture<List<Detection>> detections) {

    public PendingFrame {
        Objects.requireNonNull(frame, "frame must not be null");
        Objects.requireNonNull(detections, "detections must not be null");
    }
}
