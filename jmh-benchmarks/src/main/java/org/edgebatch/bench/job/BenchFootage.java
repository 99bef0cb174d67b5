package org.edgebatch.bench.job;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.edgebatch.video.FootageRenderer;

/**
 * The benchmark's 1920x1080, 25 fps footage: bus-stop scenery with a person walking across it the whole time, so the
 * model sees real shapes and every frame changes.
 */
public final class BenchFootage {

    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    public static final int FPS = 25;

    private BenchFootage() {
    }

    /** The clip file of {@code seconds} of footage in {@code videos}. */
    public static Path clip(Path videos, int seconds) {
        return videos.resolve("walk-1080p25-" + seconds + "s.mp4");
    }

    /**
     * Renders {@code seconds} of footage into {@code clip} from {@code images/bus.jpg} and {@code images/zidane.jpg} of
     * the data folder; a clip is only ever seen whole (rendered beside it, then moved).
     *
     * @throws IllegalArgumentException when one of the images is not one
     */
    public static void render(Path dataFolder, Path clip, int seconds) throws IOException {
        render(dataFolder, clip, WIDTH, HEIGHT, FPS, seconds);
    }

    /**
     * Renders the same scenery at another size and rate (a key frame every two seconds, about 3 bits a pixel a second
     * at 25 fps as for 1080p), the person scaled with the frame.
     *
     * @throws IllegalArgumentException when one of the images is not one
     */
    public static void render(Path dataFolder, Path clip, int width, int height, int fps, int seconds) throws IOException {
        BufferedImage background = image(dataFolder.resolve("images").resolve("bus.jpg"));
        BufferedImage zidane = image(dataFolder.resolve("images").resolve("zidane.jpg"));
        BufferedImage person = scaled(FootageRenderer.Sprite.crop(zidane, 700, 40, 460, 680), height / (double) HEIGHT);
        Path partial = clip.resolveSibling(clip.getFileName() + ".part");
        int bitrate = (int) Math.min(Integer.MAX_VALUE, 6_000_000L * width * height / (WIDTH * HEIGHT) * fps / FPS);
        int y = height * 300 / HEIGHT;
        FootageRenderer.builder().size(width, height).fps(fps).durationSeconds(seconds).bitrate(bitrate).gop(fps * 2)
                .background(background)
                .sprite(new FootageRenderer.Sprite(person, 40, y, width - person.getWidth() - 40, y, 0, seconds))
                .build().render(partial);
        Files.move(partial, clip);
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        if (factor == 1) {
            return image;
        }
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, image.getType() == 0 ? BufferedImage.TYPE_INT_ARGB : image.getType());
        java.awt.Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return scaled;
    }

    private static BufferedImage image(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException(file + " is not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to render bench footage", e);
        }
    }
}
