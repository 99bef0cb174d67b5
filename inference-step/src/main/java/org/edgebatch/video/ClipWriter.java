package org.edgebatch.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.edgebatch.detect.BgrImage;

/**
 * Re-encodes the part [start − padding, end + padding] of a video to an H.264 mp4 (OpenH264), for
 * the optional event clips. Frame timing is kept from the source; frames FFmpeg cannot decode are left out.
 */
public final class ClipWriter {

    /** What was written: the file, the source time range it covers, and its number of frames. */
    public record Clip(Path file, long startMicros, long endMicros, int frames) {
    }

    private final int decoderThreads;
    private final int bitrate;

    /** A writer with 2 decoder threads and the given target bitrate in bits a second. */
    public ClipWriter(int decoderThreads, int bitrate) {
        if (decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException("decoderThreads must be 0..64, was " + decoderThreads);
        }
        if (bitrate < 10_000) {
            throw new IllegalArgumentException("bitrate must be at least 10000, was " + bitrate);
        }
        this.decoderThreads = decoderThreads;
        this.bitrate = bitrate;
    }

    public ClipWriter() {
        this(2, 2_000_000);
    }

    /** Changes a frame's pixels in place before it goes into the second clip (redaction). */
    @FunctionalInterface
    public interface FrameFilter {
        /** @param frameIndex the frame's index in the source video, the identity detection rows use */
        void apply(long frameIndex, long timestampMicros, BgrImage image);
    }

    public Clip write(Path video, long startMicros, long endMicros, long paddingMicros, Path output) throws IOException {
        return write(video, startMicros, endMicros, paddingMicros, output, null, null);
    }

    /**
     * Writes the clip to {@code output} and, from the same decoded frames, a second clip to {@code filteredOutput}
     * whose every frame went through {@code filter} first (a redacted copy); both have the same frames and timing.
     */
    public Clip write(Path video, long startMicros, long endMicros, long paddingMicros, Path output, Path filteredOutput,
                      FrameFilter filter) throws IOException {
        Objects.requireNonNull(video, "video must not be null");
        Objects.requireNonNull(output, "output must not be null");
        if ((filteredOutput == null) != (filter == null)) {
            throw new IllegalArgumentException("a filtered clip needs both its file and its filter");
        }
        if (startMicros < 0 || endMicros < startMicros || paddingMicros < 0) {
            throw new IllegalArgumentException("clip range must satisfy 0 <= start <= end and padding >= 0, was start "
                    + startMicros + ", end " + endMicros + ", padding " + paddingMicros);
        }
        long from = Math.max(0, startMicros - paddingMicros);
        long to = endMicros + paddingMicros;
        Files.createDirectories(output.toAbsolutePath().getParent());
        if (filteredOutput != null) {
            Files.createDirectories(filteredOutput.toAbsolutePath().getParent());
        }
        try (VideoContainer container = VideoContainer.open(video);
             FrameDecoder decoder = new FrameDecoder(container, video.toString(), false, decoderThreads)) {
            decoder.seekBefore(from);
            int width = container.info().width() & ~1;
            int height = container.info().height() & ~1;
            long first = -1;
            long last = -1;
            long written = -1;
            int frames = 0;
            try (FFmpegFrameRecorder recorder = recorder(output, width, height, container);
                 FFmpegFrameRecorder filtered = filteredOutput == null ? null : recorder(filteredOutput, width, height, container)) {
                for (FrameDecoder.Item item = decoder.next(); item != null; item = decoder.next()) {
                    if (item instanceof FrameDecoder.Failure failure) {
                        throw failure.exception();
                    }
                    if (!(item instanceof FrameDecoder.Picture picture) || picture.timestampMicros() < from) {
                        continue;
                    }
                    if (picture.timestampMicros() > to) {
                        break;
                    }
                    if (first < 0) {
                        first = picture.timestampMicros();
                    }
                    last = picture.timestampMicros();
                    BgrImage image = decoder.toImage(width, height);
                    long frameNumber = frameNumber(picture.timestampMicros() - first, recorder.getFrameRate(), written);
                    written = frameNumber;
                    recorder.setFrameNumber(Math.toIntExact(frameNumber));
                    recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 3, image.rowStride(), AV_PIX_FMT_BGR24,
                            image.pixels().asByteBuffer());
                    if (filtered != null) {
                        // The first recorder has converted the frame already: the decoder's buffer may change now.
                        filter.apply(picture.index(), picture.timestampMicros(), image);
                        filtered.setFrameNumber(Math.toIntExact(frameNumber));
                        filtered.recordImage(width, height, Frame.DEPTH_UBYTE, 3, image.rowStride(), AV_PIX_FMT_BGR24,
                                image.pixels().asByteBuffer());
                    }
                    frames++;
                }
                recorder.stop();
                if (filtered != null) {
                    filtered.stop();
                }
            } catch (FrameRecorder.Exception e) {
                throw new IOException("FFmpeg could not write the clip " + output + ": " + e.getMessage(), e);
            }
            if (frames == 0) {
                Files.deleteIfExists(output);
                if (filteredOutput != null) {
                    Files.deleteIfExists(filteredOutput);
                }
                throw new IllegalArgumentException(video + ": no decodable frame between " + from + " and " + to + " µs");
            }
            return new Clip(output, first, last, frames);
        }
    }

    /**
     * The clip's frame number (its time in frames of the clip's rate) for a frame {@code micros} after the clip's first.
     * Gaps (dropped or undecodable frames) stay gaps instead of speeding the clip up. A source whose true rate is above
     * the rate the container reports (street_cars: 10.04 fps, reported 10.03) puts two frames on one number now and then,
     * which the muxer refuses ("non monotonically increasing dts", error -22): such a frame takes the next number.
     */
    static long frameNumber(long micros, double frameRate, long previous) {
        long number = Math.round(micros * frameRate / 1e6);
        return Math.max(number, previous + 1);
    }

    private FFmpegFrameRecorder recorder(Path output, int width, int height, VideoContainer container)
            throws FrameRecorder.Exception {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(output.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(container.fps() > 0 ? container.fps() : 25);
        recorder.setVideoBitrate(bitrate);
        recorder.setVideoOption("threads", "1");
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            try {
                recorder.close();
            } catch (FrameRecorder.Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return recorder;
    }
}
