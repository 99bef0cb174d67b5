package org.edgebatch.ort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared real models and tiny generated ones the tests use. */
final class TestModels {

    static final Path DATA = Path.of(System.getProperty("edgebatch.data", "../../shared/data"));
    static final Path YOLOX_NANO = DATA.resolve("models/yolox_nano_coco.onnx");
    static final Path YOLOV5N_FP16 = DATA.resolve("models/yolov5n_coco_fp16.onnx");
    static final Path YOLOV8N_INT8 = DATA.resolve("models/yolov8n_coco_int8.onnx");

    private TestModels() {
    }

    /** y = x + x over FLOAT32 [batch, 4] with a symbolic batch dimension, and two metadata entries. */
    static byte[] dynamicAdd() {
        return new OnnxModelWriter()
                .input(new OnnxModelWriter.Value("x", ElementType.FLOAT32, "batch", 4))
                .output(new OnnxModelWriter.Value("y", ElementType.FLOAT32, "batch", 4))
                .node("Add", List.of("x", "x"), List.of("y"))
                .metadata("author", "edgebatch-tests")
                .metadata("stride", "8")
                .toBytes();
    }

    /** v = Identity(u) over UINT8 [1, 6]. */
    static byte[] uint8Identity() {
        return new OnnxModelWriter()
                .input(new OnnxModelWriter.Value("u", ElementType.UINT8, 1, 6))
                .output(new OnnxModelWriter.Value("v", ElementType.UINT8, 1, 6))
                .node("Identity", List.of("u"), List.of("v"))
                .toBytes();
    }

    /** Writes model bytes to a file. */
    static Path write(byte[] model, Path folder, String name) throws java.io.IOException {
        return Files.write(folder.resolve(name), model);
    }
}
