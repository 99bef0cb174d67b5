package org.edgebatch.cli;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.edgebatch.video.FootageRenderer;

/** The shared data, generated footage (a person cut from zidane.jpg walking across a still yard) and spec files. */
final class TestData {

    private TestData() {
    }

    static Path data() {
        return Path.of(System.getProperty("edgebatch.data", "../shared/data")).toAbsolutePath().normalize();
    }

    /** The fastest of the shared models (YOLOX-nano, 416 px), for tests where the model does not matter. */
    static Path fastModel() {
        return data().resolve("models").resolve("yolox_nano_coco.onnx");
    }

    /**
     * Renders a {@code seconds}-long video at {@code fps} into {@code file}: the person stands at the left, walks to the
     * right between {@code walkFrom} and {@code walkTo} seconds, and stands there afterwards.
     */
    static Path walking(Path file, int width, int height, int fps, double seconds, double walkFrom, double walkTo) {
        BufferedImage person = person(height * 2 / 3);
        try {
            return FootageRenderer.builder().size(width, height).fps(fps).durationSeconds(seconds).background(yard(width, height))
                    .gop(fps * 2).faststart(true)
                    .sprite(new FootageRenderer.Sprite(person, width / 20, height / 6, width - person.getWidth() - width / 20,
                            height / 6, walkFrom, walkTo))
                    .build().render(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code yaml} to {@code dir/name.yaml}. */
    static Path spec(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage person(int height) {
        try {
            BufferedImage source = ImageIO.read(data().resolve("images").resolve("zidane.jpg").toFile());
            BufferedImage crop = FootageRenderer.Sprite.crop(source, 740, 40, 400, 680);
            int width = Math.max(2, height * 400 / 680);
            BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = scaled.createGraphics();
            g.drawImage(crop, 0, 0, width, height, null);
            g.dispose();
            return scaled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage yard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(120, 130, 110), width, height, new Color(170, 165, 150)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(7);
        for (int i = 0; i < width * height / 200; i++) {
            int grey = 100 + random.nextInt(80);
            g.setColor(new Color(grey, grey, grey - 10));
            g.fillRect(random.nextInt(width), random.nextInt(height), 2, 2);
        }
        g.dispose();
        return image;
    }
}
