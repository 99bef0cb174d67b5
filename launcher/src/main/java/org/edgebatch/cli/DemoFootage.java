package org.edgebatch.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.video.FootageRenderer;

/**
 * Sample footage for {@code demo} when its data has images but no clips: the model finds the best person in the
 * images, and that person is cut out and walks across a background made from another image (the same one if there is
 * only one), one clip per node, in opposite directions.
 */
final class DemoFootage {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FPS = 10;
    static final double SECONDS = 12;

    private final OrtRuntime runtime;
    private final Path model;

    DemoFootage(OrtRuntime runtime, Path model) {
        this.runtime = runtime;
        this.model = model;
    }

    /**
     * Renders one clip per target file.
     *
     * @throws CommandRefusal when no image shows a person the model finds
     */
    List<Path> render(List<Path> images, List<Path> targets) {
        List<BufferedImage> pictures = images.stream().map(DemoFootage::read).toList();
        Found person = findPerson(images, pictures)
                .orElseThrow(() -> new CommandRefusal("none of the images " + images + " shows a person the model "
                        + model + " finds, so no sample footage can be made from them"));
        BufferedImage background = cover(pictures.get(pictures.size() > 1 ? (person.image() + 1) % pictures.size() : 0));
        BufferedImage sprite = scaled(person.crop(), HEIGHT * 2 / 3);
        int left = WIDTH / 20;
        int right = WIDTH - sprite.getWidth() - WIDTH / 20;
        int top = HEIGHT / 6;
        List<Path> rendered = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            boolean rightwards = i % 2 == 0;
            FootageRenderer renderer = FootageRenderer.builder().size(WIDTH, HEIGHT).fps(FPS).durationSeconds(SECONDS)
                    .gop(FPS * 2).background(background)
                    .sprite(new FootageRenderer.Sprite(sprite, rightwards ? left : right, top, rightwards ? right : left, top,
                            2, SECONDS - 2))
                    .build();
            try {
                rendered.add(renderer.render(targets.get(i)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot render sample footage to " + targets.get(i) + ": " + e.getMessage(), e);
            }
        }
        return rendered;
    }

    private Optional<Found> findPerson(List<Path> images, List<BufferedImage> pictures) {
        Found best = null;
        try (Detector detector = Detector.open(runtime, DetectorConfig.of(model).withClasses(List.of("person")))) {
            for (int i = 0; i < images.size(); i++) {
                BufferedImage picture = pictures.get(i);
                Optional<Detection> top = detector.detect(BgrImage.of(picture)).detections().stream()
                        .max(Comparator.comparingDouble(Detection::score));
                if (top.isPresent() && (best == null || top.get().score() > best.score())) {
                    best = new Found(i, crop(picture, top.get()), top.get().score());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static BufferedImage crop(BufferedImage picture, Detection box) {
        int x1 = Math.clamp((int) Math.floor(box.x1()), 0, picture.getWidth() - 2);
        int y1 = Math.clamp((int) Math.floor(box.y1()), 0, picture.getHeight() - 2);
        int x2 = Math.clamp((int) Math.ceil(box.x2()), x1 + 2, picture.getWidth());
        int y2 = Math.clamp((int) Math.ceil(box.y2()), y1 + 2, picture.getHeight());
        return FootageRenderer.Sprite.crop(picture, x1, y1, x2 - x1, y2 - y1);
    }

    /** The picture scaled and centre-cropped to fill the frame. */
    private static BufferedImage cover(BufferedImage picture) {
        double scale = Math.max((double) WIDTH / picture.getWidth(), (double) HEIGHT / picture.getHeight());
        int width = (int) Math.ceil(picture.getWidth() * scale);
        int height = (int) Math.ceil(picture.getHeight() * scale);
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, (WIDTH - width) / 2, (HEIGHT - height) / 2, width, height, null);
        g.dispose();
        return frame;
    }

    private static BufferedImage scaled(BufferedImage image, int height) {
        int width = Math.max(2, (int) Math.round((double) image.getWidth() * height / image.getHeight()));
        width = Math.min(width, WIDTH / 2);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new CommandRefusal("cannot read image " + file + ": not a JPEG or PNG file");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    private record Found(int image, BufferedImage crop, double score) {
    }
}
