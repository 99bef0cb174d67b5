package org.edgebatch.video;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.edgebatch.detect.BgrImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the frames of one video file with FFmpeg, restartably. Plain Java: open it, read until {@code null}, close it
 * (try-with-resources works); {@code org.edgebatch.step.FrameItemReader} adapts it to a Spring Batch step.
 *
 * <p>{@link #position()} is the index and timestamp of the last frame {@link #read} returned (and the last index read
 * at all, so undecodable frames already reported are not reported twice); {@link #open(VideoPosition)} with a saved
 * position seeks to the key frame before it and decodes forward, discarding, so the next frame is exactly the one an
 * uninterrupted read would have returned next (same index, same pixels). Sampling ({@link FrameSampling}) is applied
 * after indices are known, so it picks the same frames after a restart.
 *
 * <p>A frame FFmpeg cannot decode is thrown as {@link UndecodableFrameException} (the next {@code read} goes on after
 * it). A file whose data ends well before its declared length throws {@link TruncatedVideoException} instead of ending
 * normally; any other {@link VideoDecodeException} also ends the reading. A file that cannot be opened as a video
 * throws {@link VideoFormatException} from {@code open}. Not thread-safe, like most readers.
 */
public class FrameReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrameReader.class);

    private final Path file;
    private final String videoId;
    private final FrameSampling sampling;
    private final int decoderThreads;
    private final int maxWidth;

    private VideoContainer container;
    private FrameDecoder decoder;
    private long previousTimestamp = -1;
    private FrameDecoder.Anchor lastReturned;
    private long lastConsumed = -1;
    private long resumeSkipsThrough = -1;
    private long framesReturned;
    private long framesUndecodable;
    private long packetsReadBefore;
    private long picturesDecodedBefore;

    FrameReader(FrameReaderBuilder builder) {
        this.file = builder.file;
        this.videoId = builder.videoId != null ? builder.videoId : builder.file.toString();
        this.sampling = builder.sampling;
        this.decoderThreads = builder.decoderThreads;
        this.maxWidth = builder.maxWidth;
    }

    /** A builder for a reader of {@code file}. */
    public static FrameReaderBuilder builder(Path file) {
        return new FrameReaderBuilder(file);
    }

    /** The id the frames and positions of this reader carry. */
    public String videoId() {
        return videoId;
    }

    /** The file this reader reads. */
    public Path file() {
        return file;
    }

    /** Opens the file to read from its first frame. */
    public void open() {
        open(VideoPosition.start(videoId));
    }

    /**
     * Opens the file to read on from {@code from}, a {@link #position()} saved earlier (by this reader or another of
     * the same file and sampling): the next frame is the one after it.
     *
     * @throws IllegalArgumentException when {@code from} belongs to another video
     * @throws VideoFormatException     when the file cannot be opened as a video
     * @throws VideoDecodeException     when the saved frame cannot be found again (the file has changed)
     */
    public void open(VideoPosition from) {
        Objects.requireNonNull(from, "from must not be null");
        if (decoder != null) {
            throw new IllegalStateException(videoId + ": the frame reader is already open");
        }
        if (!from.video().equals(videoId)) {
            throw new IllegalArgumentException("the saved reader position belongs to video '" + from.video()
                    + "', not to '" + videoId + "'");
        }
        lastConsumed = from.lastConsumedIndex();
        resumeSkipsThrough = lastConsumed;
        previousTimestamp = -1;
        lastReturned = null;
        openDecoder();
        if (from.hasReturnedFrame()) {
            resumeAfter(new FrameDecoder.Anchor(from.frameIndex(), from.timestampMicros(), from.streamTimestamp()));
        }
    }

    private void openDecoder() {
        container = VideoContainer.open(file);
        try {
            decoder = new FrameDecoder(container, videoId, sampling.decodesKeyFramesOnly(), decoderThreads);
        } catch (RuntimeException e) {
            container.close();
            container = null;
            throw e;
        }
    }

    private void resumeAfter(FrameDecoder.Anchor anchor) {
        if (decoder.seekTo(anchor, false) == FrameDecoder.SeekResult.NEEDS_START) {
            // No seek landed before the frame (e.g. it lies in the first GOP): read from the very start instead.
            closeDecoder();
            openDecoder();
            if (!decoder.skipTo(anchor, false)) {
                closeDecoder();
                throw new VideoDecodeException(videoId, anchor.index(), videoId + ": cannot find the saved frame "
                        + anchor.index() + " at " + anchor.timestampMicros() + " µs again; has the file changed since the last run?");
            }
        }
        log.debug("{}: resumed after frame {} ({} µs)", videoId, anchor.index(), anchor.timestampMicros());
        previousTimestamp = anchor.timestampMicros();
        lastReturned = anchor;
    }

    /**
     * The next frame the sampling wants, or {@code null} after the last one.
     *
     * @throws UndecodableFrameException for a frame that cannot be decoded; reading may go on after it
     * @throws VideoDecodeException      when the file cannot be read further (e.g. {@link TruncatedVideoException})
     */
    public VideoFrame read() {
        if (decoder == null) {
            throw new IllegalStateException(videoId + ": the frame reader is not open");
        }
        while (true) {
            FrameDecoder.Item item = decoder.next();
            switch (item) {
                case null -> {
                    return null;
                }
                case FrameDecoder.Failure failure -> throw failure.exception();
                case FrameDecoder.Lost lost -> {
                    boolean wanted = sampling.accept(lost.index(), lost.timestampMicros(), previousTimestamp);
                    previousTimestamp = lost.timestampMicros();
                    if (wanted && lost.index() > resumeSkipsThrough) {
                        framesUndecodable++;
                        lastConsumed = lost.index();
                        throw new UndecodableFrameException(videoId, lost.index(), lost.timestampMicros(), lost.reason());
                    }
                }
                case FrameDecoder.Picture picture -> {
                    boolean wanted = sampling.accept(picture.index(), picture.timestampMicros(), previousTimestamp);
                    previousTimestamp = picture.timestampMicros();
                    if (wanted && picture.index() > resumeSkipsThrough) {
                        return toFrame(picture);
                    }
                }
            }
        }
    }

    private VideoFrame toFrame(FrameDecoder.Picture picture) {
        int width = picture.width();
        int height = picture.height();
        if (maxWidth > 0 && width > maxWidth) {
            height = Math.max(1, (int) Math.round((double) height * maxWidth / width));
            width = maxWidth;
        }
        BgrImage image = decoder.toImage(width, height);
        lastReturned = new FrameDecoder.Anchor(picture.index(), picture.timestampMicros(), picture.streamTimestamp());
        lastConsumed = picture.index();
        framesReturned++;
        if (framesReturned == 1 && log.isInfoEnabled()) {
            // How long a command takes to reach its first frame is a start-up figure ('edgebatch bench startup' reads it).
            log.info("{}: first frame read {} ms after the process started", videoId, ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L));
        }
        return new VideoFrame(videoId, picture.index(), picture.timestampMicros(), picture.keyFrame(), image,
                picture.width(), picture.height());
    }

    /** Where this reader is: after the last frame {@link #read} returned (the start before the first). */
    public VideoPosition position() {
        if (lastReturned == null) {
            return new VideoPosition(videoId, -1, 0, 0, lastConsumed);
        }
        return new VideoPosition(videoId, lastReturned.index(), lastReturned.timestampMicros(),
                lastReturned.streamTimestamp(), lastConsumed);
    }

    /** Closes the file; {@link #position()} and {@link #statistics()} stay, and the reader may be opened again. */
    @Override
    public void close() {
        closeDecoder();
    }

    private void closeDecoder() {
        if (decoder != null) {
            packetsReadBefore += decoder.packetsRead();
            picturesDecodedBefore += decoder.picturesDecoded();
            decoder.close();
            decoder = null;
        }
        if (container != null) {
            container.close();
            container = null;
        }
    }

    /** What the file is; available while the reader is open. */
    public VideoInfo videoInfo() {
        if (container == null) {
            throw new IllegalStateException(videoId + ": the frame reader is not open");
        }
        return container.info();
    }

    /** Counts since this reader was built (including any seeking on open). */
    public ReadStatistics statistics() {
        return new ReadStatistics(packetsReadBefore + (decoder != null ? decoder.packetsRead() : 0),
                picturesDecodedBefore + (decoder != null ? decoder.picturesDecoded() : 0), framesReturned, framesUndecodable);
    }

    /**
     * Counts of one reader: video packets demuxed, pictures the decoder produced (including those
     * discarded by sampling or while seeking), frames returned, and undecodable frames thrown.
     */
    public record ReadStatistics(long packetsRead, long picturesDecoded, long framesReturned, long framesUndecodable) {
    }
}
