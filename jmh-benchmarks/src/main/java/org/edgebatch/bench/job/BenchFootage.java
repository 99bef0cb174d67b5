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
        BufferedImage background = image(dataFolder.resolve("images").resolve("bus.jpg"));
        BufferedImage zidane = image(dataFolder.resolve("images").resolve("zidane.jpg"));
        BufferedImage person = FootageRenderer.Sprite.crop(zidane, 700, 40, 460, 680);
        Path partial = clip.resolveSibling(clip.getFileName() + ".part");
        FootageRenderer.builder().size(WIDTH, HEIGHT).fps(FPS).durationSeconds(seconds).bitrate(6_000_000).gop(FPS * 2)
                .background(background)
                .sprite(new FootageRenderer.Sprite(person, 40, 300, WIDTH - person.getWidth() - 40, 300, 0, seconds))
                .build().render(partial);
        Files.move(partial, clip);
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
