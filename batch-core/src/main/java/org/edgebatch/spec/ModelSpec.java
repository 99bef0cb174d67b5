package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The detector: an ONNX YOLO model file and how its output is filtered.
 *
 * @param path          the {@code .onnx} file, resolved against the spec file's folder; required, must exist
 * @param provider      the ONNX Runtime execution provider: {@code cpu} (default), {@code cuda}, {@code openvino}, {@code tensorrt}
 * @param imageSize     the square input size in pixels (32..4096, a multiple of 32); empty: read from the model
 * @param confidence    the minimum score a detection needs (0..1, default 0.25)
 * @param iou           the overlap above which non-maximum suppression drops the weaker box (0..1, default 0.45)
 * @param classes       the class names to keep; empty (default) keeps every class
 * @param maxDetections the most detections kept per frame after suppression (1..10000, default 300)
 * @param labels        a file of class names, one a line, for models without names in their metadata; empty: the names stored in the model
 * @param layout        forces the output layout ({@code yolov5}, {@code yolov8}, {@code yolox}); empty: found from the output shape
 */
public record ModelSpec(Path path, String provider, OptionalInt imageSize, double confidence, double iou,
                        List<String> classes, int maxDetections, Optional<Path> labels, Optional<String> layout) {

    public static final String DEFAULT_PROVIDER = "cpu";
    public static final List<String> PROVIDERS = List.of("cpu", "cuda", "openvino", "tensorrt");
    public static final List<String> LAYOUTS = List.of("yolov5", "yolov8", "yolox");
    public static final double DEFAULT_CONFIDENCE = 0.25;
    public static final double DEFAULT_IOU = 0.45;
    public static final int DEFAULT_MAX_DETECTIONS = 300;
    public static final int MIN_IMAGE_SIZE = 32;
    public static final int MAX_IMAGE_SIZE = 4096;
    public static final int MAX_MAX_DETECTIONS = 10_000;

    public ModelSpec {
        Objects.requireNonNull(provider, "provider must not be null");
        Objects.requireNonNull(imageSize, "imageSize must not be null");
        classes = List.copyOf(classes);
        Objects.requireNonNull(labels, "labels must not be null");
        Objects.requireNonNull(layout, "layout must not be null");
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static ModelSpec bind(Path path, String provider, Integer imageSize, Double confidence, Double iou,
                          List<String> classes, Integer maxDetections, Path labels, String layout) {
        return new ModelSpec(path,
                Objects.requireNonNullElse(provider, DEFAULT_PROVIDER),
                imageSize == null ? OptionalInt.empty() : OptionalInt.of(imageSize),
                Objects.requireNonNullElse(confidence, DEFAULT_CONFIDENCE),
                Objects.requireNonNullElse(iou, DEFAULT_IOU),
                SpecValues.list("classes", classes),
                Objects.requireNonNullElse(maxDetections, DEFAULT_MAX_DETECTIONS),
                Optional.ofNullable(labels),
                Optional.ofNullable(layout));
    }

    static ModelSpec absent() {
        return bind(null, null, null, null, null, null, null, null, null);
    }

    void validate(SpecProblems problems) {
        if (path == null) {
            problems.missing("path");
        } else if (!Files.isRegularFile(path)) {
            problems.state("path", Files.isDirectory(path) ? "expected a model file, found a folder: " + path : "model file not found: " + path);
        } else if (!Files.isReadable(path)) {
            problems.state("path", "model file is not readable: " + path);
        }
        problems.oneOf("provider", provider, PROVIDERS);
        imageSize.ifPresent(size -> {
            problems.between("imageSize", size, MIN_IMAGE_SIZE, MAX_IMAGE_SIZE);
            if (size % 32 != 0) {
                problems.add("imageSize", "must be a multiple of 32 (the models' stride), was " + size);
            }
        });
        problems.between("confidence", confidence, 0, 1);
        problems.between("iou", iou, 0, 1);
        problems.noBlankEntries("classes", classes);
        problems.between("maxDetections", maxDetections, 1, MAX_MAX_DETECTIONS);
        labels.ifPresent(file -> {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                problems.state("labels", "labels file not found or not readable: " + file);
            }
        });
        layout.ifPresent(name -> problems.oneOf("layout", name, LAYOUTS));
    }
}
