package org.edgebatch.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.edgebatch.testsupport.data.FootageImages;
import org.edgebatch.video.FootageRenderer;

/** Generated footage of a person (cut from zidane.jpg) walking across a still yard, the jobs' usual test input. */
public final class WalkingFootage {

    private WalkingFootage() {
    }

    /**
     * A {@code seconds}-long video at {@code fps} with a key frame every two seconds: the person stands at the left,
     * walks to the right between {@code walkFrom} and {@code walkTo} seconds, and stands there afterwards. Callers may
     * change the returned settings (faststart, format) before rendering.
     */
    public static FootageRenderer.Builder walking(int width, int height, int fps, double seconds, double walkFrom,
            double walkTo) {
        BufferedImage person = FootageImages.person(height * 2 / 3);
        return FootageRenderer.builder().size(width, height).fps(fps).durationSeconds(seconds)
                .background(FootageImages.yard(width, height)).gop(fps * 2)
                .sprite(new FootageRenderer.Sprite(person, width / 20, height / 6, width - person.getWidth() - width / 20,
                        height / 6, walkFrom, walkTo));
    }

    /**
     * Marks a file a test wrote as written {@link FootageRenderer#DEFAULT_MODIFIED_AGO} ago, as rendered footage is:
     * without it a job run at once would defer it as still being written ({@code input.settleSeconds}).
     */
    public static Path settled(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(FootageRenderer.DEFAULT_MODIFIED_AGO)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the modification time of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Renders {@code footage} into {@code file}; returns the file. */
    public static Path render(FootageRenderer.Builder footage, Path file) {
        try {
            return footage.build().render(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render test footage to " + file + ": " + e.getMessage(), e);
        }
    }
}
