package org.edgebatch.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.bench.job.BenchFootage;

/**
 * One clip of the suite's generated H.264 footage (the bench job's scenery: a person walking across a bus stop),
 * named by its size and rate, e.g. {@code 1080p25}, in a folder of its own so a job can take the folder as input.
 */
public record SuiteFootage(String name, int width, int height, int fps, int seconds) {

    public SuiteFootage {
        if (width < 16 || height < 16 || fps < 1 || seconds < 1) {
            throw new IllegalArgumentException("footage " + name + " needs a size of at least 16x16, a rate and a length of"
                    + " at least 1, not " + width + "x" + height + " at " + fps + " fps for " + seconds + " s");
        }
    }

    public static SuiteFootage hd(int seconds) {
        return new SuiteFootage("1080p25", 1920, 1080, 25, seconds);
    }

    public static SuiteFootage uhd(int seconds) {
        return new SuiteFootage("4K60", 3840, 2160, 60, seconds);
    }

    /** The folder holding only this clip, under {@code work}. */
    public Path folder(Path work) {
        return work.resolve("footage").resolve(name + "-" + seconds + "s");
    }

    /** The clip file under {@code work}. */
    public Path clip(Path work) {
        return folder(work).resolve("walk-" + name + "-" + seconds + "s.mp4");
    }

    public long frames() {
        return (long) fps * seconds;
    }

    /**
     * The clip, rendered from the data folder's images unless an earlier run left it.
     *
     * @return whether it had to be rendered
     */
    public boolean prepare(Path dataFolder, Path work) throws IOException {
        Path clip = clip(work);
        if (Files.isRegularFile(clip)) {
            return false;
        }
        Files.createDirectories(clip.getParent());
        BenchFootage.render(dataFolder, clip, width, height, fps, seconds);
        return true;
    }
}
