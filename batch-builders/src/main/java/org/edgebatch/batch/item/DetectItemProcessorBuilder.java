package org.edgebatch.batch.item;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edgebatch.detect.DetectionSettings;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.detect.OutputDecoder;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.ort.SessionOptions;

/**
 * Builds a {@link DetectItemProcessor}, either around a {@link Detector} the application owns (e.g. the starter's bean)
 * or around one it opens from a model file on an {@link OrtRuntime}, with the confidence, NMS IoU, classes, execution
 * provider, ONNX Runtime threads and, for a model family EdgeBatch does not know, an {@link OutputDecoder}.
 */
public final class DetectItemProcessorBuilder {

    private Detector detector;
    private OrtRuntime runtime;
    private Path model;
    private float confidence = DetectionSettings.DEFAULT_CONFIDENCE;
    private float iou = DetectionSettings.DEFAULT_IOU;
    private List<String> classes = List.of();
    private ExecutionProvider provider = ExecutionProvider.CPU;
    private int threads;
    private OutputDecoder decoder;

    /** An open detector to use as it is (the application closes it); excludes {@link #model}. */
    public DetectItemProcessorBuilder detector(Detector detector) {
        this.detector = Objects.requireNonNull(detector, "detector must not be null");
        return this;
    }

    /** The ONNX model to open on {@code runtime}; the processor's {@code close()} closes what it opened. */
    public DetectItemProcessorBuilder model(OrtRuntime runtime, Path model) {
        this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
        this.model = Objects.requireNonNull(model, "model must not be null");
        return this;
    }

    /** Lowest score kept, 0..1 (default 0.25). */
    public DetectItemProcessorBuilder confidence(float confidence) {
        this.confidence = confidence;
        return this;
    }

    /** IoU above which NMS drops the weaker of two boxes of a class, 0..1 (default 0.45). */
    public DetectItemProcessorBuilder iou(float iou) {
        this.iou = iou;
        return this;
    }

    /** Classes kept, by name or id (default: all). */
    public DetectItemProcessorBuilder classes(String... classes) {
        this.classes = List.of(classes);
        return this;
    }

    /** ONNX Runtime execution provider (default CPU). */
    public DetectItemProcessorBuilder provider(ExecutionProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider must not be null");
        return this;
    }

    /** ONNX Runtime intra-op threads (default 0: ONNX Runtime's choice). */
    public DetectItemProcessorBuilder threads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, was " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** Decodes the model's output with {@code decoder} instead of finding the layout from the output shape. */
    public DetectItemProcessorBuilder outputDecoder(OutputDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder must not be null");
        return this;
    }

    /**
     * The processor; opens the model now when given one, so a bad model fails here with ONNX Runtime's message.
     *
     * @throws IllegalStateException when neither or both of a detector and a model are given
     */
    public DetectItemProcessor build() {
        if ((detector == null) == (model == null)) {
            throw new IllegalStateException("give either detector(...) or model(runtime, path), " + (detector == null ? "neither" : "not both")
                    + " was given");
        }
        if (detector != null) {
            return new DetectItemProcessor(detector, false);
        }
        DetectorConfig config = DetectorConfig.of(model).withProvider(provider).withIntraOpThreads(threads)
                .withConfidence(confidence).withIou(iou).withClasses(classes)
                .withSessionConfig(Map.of(SessionOptions.ALLOW_INTRA_OP_SPINNING, "0"));
        if (decoder != null) {
            config = config.withLayout(decoder);
        }
        return new DetectItemProcessor(Detector.open(runtime, config), true);
    }
}
