package org.edgebatch.video;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A video whose data ends well before the length its container declares (for example an mp4 cut in
 * the middle of its media data). FFmpeg reports that as an ordinary end of file, so without this
 * check a half-copied file would silently look complete; reading it must fail instead.
 */
public class TruncatedVideoException extends VideoDecodeException {

    private final Path file;
    private final long endMicros;
    private final long declaredMicros;

    public TruncatedVideoException(Path file, long lastFrameIndex, long endMicros, long declaredMicros, String detail) {
        super(file.toString(), lastFrameIndex, file + ": truncated: the video data ends at " + seconds(endMicros)
                + " (after frame " + lastFrameIndex + ") but the container declares " + seconds(declaredMicros)
                + (detail.isEmpty() ? "" : "; " + detail));
        this.file = file;
        this.endMicros = endMicros;
        this.declaredMicros = declaredMicros;
    }

    public Path file() {
        return file;
    }

    /** Where the readable data ends, in microseconds from the start of the video. */
    public long endMicros() {
        return endMicros;
    }

    /** The length the container declares, in microseconds. */
    public long declaredMicros() {
        return declaredMicros;
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }
}
