package org.edgebatch.step;

import java.util.Objects;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.UndecodableFrameException;
import org.edgebatch.video.VideoDecodeException;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.NonTransientResourceException;

/**
 * A {@link FrameReader} as a Spring Batch reader: {@link #open} resumes at the {@link org.edgebatch.video.VideoPosition}
 * saved in the ExecutionContext ({@link VideoPositionKeys}), {@link #update} saves the reader's position there. Read
 * errors come out as Spring Batch's kinds: an undecodable frame as a {@link FrameParseException} (skippable), any other
 * decode error as a {@link NonTransientResourceException}, both with the video's own exception as cause and its message.
 */
public class FrameItemReader implements ItemStreamReader<VideoFrame> {

    private final FrameReader reader;
    private final VideoPositionKeys keys;

    /** Saves the position under {@value VideoPositionKeys#DEFAULT_NAME}. */
    public FrameItemReader(FrameReader reader) {
        this(reader, VideoPositionKeys.DEFAULT_NAME);
    }

    /** @param name the prefix of the ExecutionContext keys, for a step with more than one reader */
    public FrameItemReader(FrameReader reader, String name) {
        this.reader = Objects.requireNonNull(reader, "reader must not be null");
        this.keys = new VideoPositionKeys(name);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        Objects.requireNonNull(executionContext, "executionContext must not be null");
        try {
            reader.open(keys.read(executionContext, reader.videoId()));
        } catch (VideoDecodeException | IllegalStateException e) {
            throw new ItemStreamException(e.getMessage(), e);
        }
    }

    @Override
    public VideoFrame read() {
        try {
            return reader.read();
        } catch (UndecodableFrameException e) {
            throw new FrameParseException(e);
        } catch (VideoDecodeException e) {
            throw new NonTransientResourceException(e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        keys.write(reader.position(), Objects.requireNonNull(executionContext, "executionContext must not be null"));
    }

    @Override
    public void close() {
        reader.close();
    }

    /** The reader's counts so far. */
    public FrameReader.ReadStatistics statistics() {
        return reader.statistics();
    }
}
