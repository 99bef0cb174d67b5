package org.edgebatch.testsupport.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The real models, images and clips in the shared data folder ({@link TestDataFolder}). */
public final class SharedData {

    /** YOLOX-nano, 416 px: the fastest of the shared models. */
    public static final String YOLOX_NANO = "yolox_nano_coco.onnx";
    /** YOLOv5n with FP16 weights. */
    public static final String YOLOV5N_FP16 = "yolov5n_coco_fp16.onnx";
    /** YOLOv8n quantised to INT8. */
    public static final String YOLOV8N_INT8 = "yolov8n_coco_int8.onnx";

    private SharedData() {
    }

    /** The data folder itself. */
    public static Path folder() {
        return TestDataFolder.locate();
    }

    /** {@code models/name}. */
    public static Path model(String name) {
        return folder().resolve("models").resolve(name);
    }

    /** The fastest of the shared models, for tests where the model does not matter. */
    public static Path fastModel() {
        return model(YOLOX_NANO);
    }

    /** {@code images/name}. */
    public static Path image(String name) {
        return folder().resolve("images").resolve(name);
    }

    /** {@code images/name}, decoded. */
    public static BufferedImage readImage(String name) {
        Path file = image(name);
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("no image reader understands it");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code video/name}. */
    public static Path video(String name) {
        return folder().resolve("video").resolve(name);
    }
}
