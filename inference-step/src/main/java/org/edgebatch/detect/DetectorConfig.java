package org.edgebatch.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.edgebatch.ort.ExecutionProvider;

/**
 * Everything a {@link Detector} needs: the model, how to run it (provider, intra-op threads; 0 lets
 * ONNX Runtime choose) and what to keep (confidence, NMS IoU, classes by name or id, maximum
 * detections), plus an optional labels file, an optional output layout when the shape cannot tell, and ONNX Runtime
 * session config entries (e.g. {@link org.edgebatch.ort.SessionOptions#ALLOW_INTRA_OP_SPINNING}).
 */
public record DetectorConfig(Path model, ExecutionProvider provider, int intraOpThreads, float confidence, float iou,
                             List<String> classes, int maxDetections, Optional<Path> labels, Optional<OutputDecoder> layout,
                             Map<String, String> sessionConfig) {

    public DetectorConfig {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(provider, "provider must not be null");
        Objects.requireNonNull(labels, "labels must not be null (use Optional.empty())");
        Objects.requireNonNull(layout, "layout must not be null (use Optional.empty())");
        classes = List.copyOf(classes);
        sessionConfig = Map.copyOf(Objects.requireNonNull(sessionConfig, "sessionConfig must not be null (use Map.of())"));
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (ONNX Runtime's choice) or more, was " + intraOpThreads);
        }
        // Checks confidence, iou and maxDetections with messages naming them.
        new DetectionSettings(confidence, iou, maxDetections, ClassFilter.all());
    }

    /** Without session config entries. */
    public DetectorConfig(Path model, ExecutionProvider provider, int intraOpThreads, float confidence, float iou,
                          List<String> classes, int maxDetections, Optional<Path> labels, Optional<OutputDecoder> layout) {
        this(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, Map.of());
    }

    /** The model with Ultralytics' defaults: CPU, confidence 0.25, IoU 0.45, 300 detections, every class. */
    public static DetectorConfig of(Path model) {
        return new DetectorConfig(model, ExecutionProvider.CPU, 0, DetectionSettings.DEFAULT_CONFIDENCE,
                DetectionSettings.DEFAULT_IOU, List.of(), DetectionSettings.DEFAULT_MAX_DETECTIONS, Optional.empty(), Optional.empty());
    }

    public DetectorConfig withProvider(ExecutionProvider provider) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, sessionConfig);
    }

    public DetectorConfig withIntraOpThreads(int intraOpThreads) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, sessionConfig);
    }

    public DetectorConfig withConfidence(float confidence) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, sessionConfig);
    }

    public DetectorConfig withIou(float iou) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, sessionConfig);
    }

    public DetectorConfig withClasses(List<String> classes) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, sessionConfig);
    }

    public DetectorConfig withMaxDetections(int maxDetections) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, sessionConfig);
    }

    public DetectorConfig withLabels(Path labels) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, Optional.of(labels), layout,
                sessionConfig);
    }

    /** A copy with these ONNX Runtime session config entries instead of the current ones. */
    public DetectorConfig withSessionConfig(Map<String, String> sessionConfig) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, layout, sessionConfig);
    }

    /** A copy decoding the output with {@code layout}: a built-in {@link OutputLayout} or a decoder of your own. */
    public DetectorConfig withLayout(OutputDecoder layout) {
        return new DetectorConfig(model, provider, intraOpThreads, confidence, iou, classes, maxDetections, labels, Optional.of(layout),
                sessionConfig);
    }
}
