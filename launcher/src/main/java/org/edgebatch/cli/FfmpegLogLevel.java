package org.edgebatch.cli;

import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Sets FFmpeg's own log level for commands that decode video. FFmpeg prints straight to stderr (warnings such as
 * "Missing key frame while searching for timestamp" while seeking); the reader already turns every real problem into
 * an exception naming the file and frame, so by default only FFmpeg's fatal messages remain.
 * {@code EDGEBATCH_LOG_LEVEL=info} shows its errors and warnings too, {@code debug} everything it says.
 */
final class FfmpegLogLevel {

    private FfmpegLogLevel() {
    }

    static void apply() {
        avutil.av_log_set_level(level(System.getenv("EDGEBATCH_LOG_LEVEL")));
    }

    static int level(String edgebatchLogLevel) {
        String level = edgebatchLogLevel == null ? "" : edgebatchLogLevel.strip().toLowerCase(Locale.ROOT);
        return switch (level) {
            case "trace", "debug" -> avutil.AV_LOG_VERBOSE;
            case "info" -> avutil.AV_LOG_WARNING;
            default -> avutil.AV_LOG_FATAL;
        };
    }
}
