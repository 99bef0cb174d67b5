package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edgebatch.ort.ElementType;

/**
 * Output tensor to detections: decode, class-aware NMS, boxes mapped back to source pixels and clipped,
 * labels attached. Keeps scratch buffers, so one per thread.
 */
public final class YoloPostprocessor {

    private final YoloDecoder decoder;
    private final Labels labels;
    private final DetectionSettings settings;
    private final Candidates candidates = new Candidates();
    private final NonMaxSuppression nms = new NonMaxSuppression();

    public YoloPostprocessor(YoloDecoder decoder, Labels labels, DetectionSettings settings) {
        this.decoder = Objects.requireNonNull(decoder, "decoder must not be null");
        this.labels = Objects.requireNonNull(labels, "labels must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
    }

    /** Detections in descending score order. */
    public List<Detection> process(MemorySegment output, ElementType type, LetterboxTransform transform) {
        candidates.clear();
        decoder.decode(output, type, settings.confidence(), settings.classes(), candidates);
        int[] kept = nms.select(candidates, settings.iou(), settings.maxDetections());
        List<Detection> detections = new ArrayList<>(kept.length);
        for (int i : kept) {
            int classId = candidates.classId(i);
            detections.add(new Detection(classId, labels.name(classId), candidates.score(i),
                    transform.toSourceX(candidates.x1(i)), transform.toSourceY(candidates.y1(i)),
                    transform.toSourceX(candidates.x2(i)), transform.toSourceY(candidates.y2(i))));
        }
        return detections;
    }
}
