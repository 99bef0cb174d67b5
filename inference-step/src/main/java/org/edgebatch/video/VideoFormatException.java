package org.edgebatch.video;

import java.nio.file.Path;

/**
 * A file that cannot be read as a video: missing, not a video container, or one FFmpeg cannot open.
 * The message names the file and says what is wrong with it.
 */
public class VideoFormatException extends RuntimeException {

    private final Path file;
    private final String problem;

    public VideoFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public VideoFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What is wrong with the file, without its name. */
    public String problem() {
        return problem;
    }
}
