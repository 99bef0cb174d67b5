package org.edgebatch.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.ModelInput;

/**
 * Where the benchmarks find the real models and images: {@code -Dedgebatch.data}, else {@code $EDGEBATCH_DATA},
 * else {@code ../shared/data} from the working folder (the repository root).
 */
final class BenchmarkData {

    private final Path folder;

    private BenchmarkData(Path folder) {
        this.folder = folder;
    }

    static BenchmarkData locate() {
        String property = System.getProperty("edgebatch.data");
        String env = System.getenv("EDGEBATCH_DATA");
        return at(Path.of(property != null ? property : env != null ? env : "../shared/data"));
    }

    static BenchmarkData at(Path given) {
        Path folder = given.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder.resolve("models"))) {
            throw new IllegalStateException("no models/ folder in " + folder
                    + "; point -Dedgebatch.data or EDGEBATCH_DATA at the folder holding models/ and images/");
        }
        return new BenchmarkData(folder);
    }

    Path folder() {
        return folder;
    }

    /** A model by file name without {@code .onnx}, e.g. {@code yolox_nano_coco}. */
    Path model(String name) {
        Path model = folder.resolve("models").resolve(name + ".onnx");
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("model " + model + " not found");
        }
        return model;
    }

    /**
     * An image: {@code bus.jpg} (or any file in images/) as stored, or {@code 1080p}, bus.jpg scaled to 1920×1080 as
     * a camera frame the job would letterbox.
     */
    BgrImage image(String name) {
        if (name.equals("1080p")) {
            BufferedImage frame = new BufferedImage(1920, 1080, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D graphics = frame.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(read("bus.jpg"), 0, 0, 1920, 1080, null);
            graphics.dispose();
            return BgrImage.of(frame);
        }
        return BgrImage.of(read(name));
    }

    /**
     * {@code frame} scaled to fit the model input keeping its aspect ratio, as the job's decoder delivers frames
     * (FFmpeg scales them while converting to BGR) so that the letterbox only pads.
     */
    static BgrImage fitted(BgrImage frame, ModelInput input) {
        int scaledWidth = input.decodeWidth(frame.width(), frame.height());
        if (scaledWidth == 0) {
            return frame;
        }
        int scaledHeight = (int) Math.round((double) frame.height() * scaledWidth / frame.width());
        BufferedImage scaled = new BufferedImage(scaledWidth, scaledHeight, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(frame.toBufferedImage(), 0, 0, scaledWidth, scaledHeight, null);
        graphics.dispose();
        return BgrImage.of(scaled);
    }

    private BufferedImage read(String name) {
        Path file = folder.resolve("images").resolve(name);
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException(file + " is not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
