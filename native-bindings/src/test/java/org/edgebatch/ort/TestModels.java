package org.edgebatch.ort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgebatch.testsupport.data.SharedData;

/** The shared real models and tiny generated ones the tests use. */
final class TestModels {

    static final Path YOLOX_NANO = SharedData.model(SharedData.YOLOX_NANO);
    static final Path YOLOV5N_FP16 = SharedData.model(SharedData.YOLOV5N_FP16);
    static final Path YOLOV8N_INT8 = SharedData.model(SharedData.YOLOV8N_INT8);

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
