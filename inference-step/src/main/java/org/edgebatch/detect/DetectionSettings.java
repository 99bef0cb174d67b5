package org.edgebatch.detect;

import java.util.Objects;

/**
 * What post-processing keeps: scores strictly above {@code confidence}, NMS at {@code iou}, at most
 * {@code maxDetections} boxes of the classes {@code classes} accepts.
 */
public record DetectionSettings(float confidence, float iou, int maxDetections, ClassFilter classes) {

    public static final float DEFAULT_CONFIDENCE = 0.25f;
    public static final float DEFAULT_IOU = 0.45f;
    public static final int DEFAULT_MAX_DETECTIONS = 300;

    public DetectionSettings {
        Objects.requireNonNull(classes, "classes must not be null");
        if (!(confidence >= 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1), was " + confidence);
        }
        if (!(iou > 0 && iou <= 1)) {
            throw new IllegalArgumentException("iou must be in (0, 1], was " + iou);
        }
        if (maxDetections <= 0) {
            throw new IllegalArgumentException("maxDetections must be positive, was " + maxDetections);
        }
    }

    /** Ultralytics' defaults: confidence 0.25, IoU 0.45, 300 detections, every class. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_CONFIDENCE, DEFAULT_IOU, DEFAULT_MAX_DETECTIONS, ClassFilter.all());
    }
}
