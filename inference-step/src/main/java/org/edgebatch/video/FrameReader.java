package org.edgebatch.video;

import java.nio.file.Path;
import java.util.Objects;
import org.edgebatch.detect.BgrImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads the frames of one video file with FFmpeg, restartably.
 *
 * <p>{@link #update} saves the index and timestamp of the last frame {@link #read} returned (and the
 * last index read at all, so undecodable frames already skipped are not reported twice);
 * {@link #open} with those keys seeks to the key frame before it and decodes forward, discarding,
 * so the next frame is exactly the one an uninterrupted read would have returned next (same index,
 * same pixels). Sampling ({@link FrameSampling}) is applied after indices are known, so it picks the
 * same frames after a restart.
 *
 * <p>A frame FFmpeg cannot decode is thrown as {@link UndecodableFrameException} (skippable; the next
 * {@code read} goes on after it). A file whose data ends well before its declared length throws
 * {@link TruncatedVideoException} instead of ending normally. Not thread-safe, like most readers.
 */
public class FrameReader extends ItemStreamSupport implements ItemStreamReader<VideoFrame> {

    /** The name a reader saves its state under unless its builder names it otherwise. */
    public static final String DEFAULT_NAME = "frameReader";

    /** Key (under the reader's name) of the index of the last frame returned. */
    public static final String FRAME_INDEX = "frameIndex";
    /** Key of its timestamp in microseconds from the start of the video. */
    public static final String TIMESTAMP_MICROS = "timestampMicros";
    /** Key of its timestamp in the stream's own time base (exact, used to find it again). */
    public static final String STREAM_TIMESTAMP = "streamTimestamp";
    /**
     * Key of the last index read at all, returned or thrown as undecodable: a skipped frame was counted
     * in its chunk, so a restart must not report it again.
     */
    public static final String LAST_CONSUMED_INDEX = "lastConsumedIndex";
    /** Key of the video the saved position belongs to. */
    public static final String VIDEO = "video";

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
        setName(builder.name);
    }

    /** A builder for a reader of {@code file}. */
    public static FrameReaderBuilder builder(Path file) {
        return new FrameReaderBuilder(file);
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        Objects.requireNonNull(executionContext, "executionContext must not be null");
        if (decoder != null) {
            throw new ItemStreamException(videoId + ": the frame reader is already open");
        }
        FrameDecoder.Anchor anchor = savedAnchor(executionContext);
        lastConsumed = executionContext.getLong(getExecutionContextKey(LAST_CONSUMED_INDEX), anchor != null ? anchor.index() : -1);
        resumeSkipsThrough = lastConsumed;
        openDecoder();
        if (anchor != null) {
            resumeAfter(anchor);
        }
    }

    private FrameDecoder.Anchor savedAnchor(ExecutionContext context) {
        String savedVideo = context.getString(getExecutionContextKey(VIDEO), videoId);
        if (!savedVideo.equals(videoId)) {
            throw new ItemStreamException("the saved reader position belongs to video '" + savedVideo
                    + "', not to '" + videoId + "' (key " + getExecutionContextKey(VIDEO) + ")");
        }
        if (!context.containsKey(getExecutionContextKey(FRAME_INDEX))) {
            return null;
        }
        return new FrameDecoder.Anchor(context.getLong(getExecutionContextKey(FRAME_INDEX)),
                context.getLong(getExecutionContextKey(TIMESTAMP_MICROS)),
                context.getLong(getExecutionContextKey(STREAM_TIMESTAMP)));
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
                throw new ItemStreamException(videoId + ": cannot find the saved frame " + anchor.index() + " at "
                        + anchor.timestampMicros() + " µs again; has the file changed since the last run?");
            }
        }
        log.debug("{}: resumed after frame {} ({} µs)", videoId, anchor.index(), anchor.timestampMicros());
        previousTimestamp = anchor.timestampMicros();
        lastReturned = anchor;
    }

    @Override
    public VideoFrame read() {
        if (decoder == null) {
            throw new ItemStreamException(videoId + ": the frame reader is not open");
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
        return new VideoFrame(videoId, picture.index(), picture.timestampMicros(), picture.keyFrame(), image,
                picture.width(), picture.height());
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        Objects.requireNonNull(executionContext, "executionContext must not be null");
        if (lastConsumed >= 0) {
            executionContext.putString(getExecutionContextKey(VIDEO), videoId);
            executionContext.putLong(getExecutionContextKey(LAST_CONSUMED_INDEX), lastConsumed);
        }
        if (lastReturned != null) {
            executionContext.putLong(getExecutionContextKey(FRAME_INDEX), lastReturned.index());
            executionContext.putLong(getExecutionContextKey(TIMESTAMP_MICROS), lastReturned.timestampMicros());
            executionContext.putLong(getExecutionContextKey(STREAM_TIMESTAMP), lastReturned.streamTimestamp());
        }
    }

    @Override
    public void close() throws ItemStreamException {
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
