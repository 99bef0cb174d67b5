package org.edgebatch.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.detect.OutputDecoders;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.SessionOptions;

/**
 * One detector model: the file and how it runs. Defaults are literals, so the configuration processor can document
 * them; they are {@code DetectionSettings}' (a test holds them equal).
 */
public class ModelProperties {

    /** The ONNX model file (a YOLOv5, YOLOv8/11 or YOLOX export, or a model with a decoder of your own). */
    private Path path;

    /** Lowest score a detection keeps, 0..1. */
    private float confidence = 0.25f;

    /** IoU above which non-maximum suppression drops the weaker of two boxes of one class, 0..1. */
    private float iou = 0.45f;

    /** Classes kept, by name or id; empty keeps every class. */
    private List<String> classes = new ArrayList<>();

    /** ONNX Runtime execution provider: cpu, openvino, tensorrt or cuda. */
    private String provider = "cpu";

    /** ONNX Runtime intra-op threads of each inference; 0 lets ONNX Runtime choose. */
    private int threads = 1;

    /**
     * Output layout: yolov5, yolov8, yolo11, yolox or the name of an OutputDecoder registered in META-INF/services;
     * empty finds it from the model's output shape.
     */
    private String layout = "";

    /** The detector configuration these properties describe; {@code name} says which property group in messages. */
    DetectorConfig toConfig(String name) {
        if (path == null) {
            throw new IllegalArgumentException(name + ".path must be set to an ONNX model file");
        }
        DetectorConfig config = DetectorConfig.of(path).withProvider(ExecutionProvider.byName(provider))
                .withIntraOpThreads(threads).withConfidence(confidence).withIou(iou).withClasses(classes)
                .withSessionConfig(Map.of(SessionOptions.ALLOW_INTRA_OP_SPINNING, "0"));
        return layout.isBlank() ? config : config.withLayout(OutputDecoders.byName(layout));
    }

    public Path getPath() {
        return path;
    }

    public void setPath(Path path) {
        this.path = path;
    }

    public float getConfidence() {
        return confidence;
    }

    public void setConfidence(float confidence) {
        this.confidence = confidence;
    }

    public float getIou() {
        return iou;
    }

    public void setIou(float iou) {
        this.iou = iou;
    }

    public List<String> getClasses() {
        return classes;
    }

    public void setClasses(List<String> classes) {
        this.classes = classes;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = layout;
    }
}
