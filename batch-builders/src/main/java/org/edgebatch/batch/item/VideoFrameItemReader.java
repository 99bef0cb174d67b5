package org.edgebatch.batch.item;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.edgebatch.step.FrameItemReader;
import org.edgebatch.step.GatedFrame;
import org.edgebatch.step.MotionGatingReader;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.FrameReaderBuilder;
import org.edgebatch.video.MotionGate;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one video's sampled frames, each judged by a motion gate, and keeps its position in the step's
 * ExecutionContext so a restarted step continues after the last committed frame. Made by
 * {@link VideoFrameItemReaderBuilder}; the video is opened in {@link #open}, where a partitioned step's file is known.
 */
public final class VideoFrameItemReader implements ItemStreamReader<GatedFrame> {

    private final String name;
    private final Function<ExecutionContext, Video> video;
    private final Function<Path, FrameReaderBuilder> frames;
    private final MotionGate.Settings motion;
    private MotionGatingReader delegate;

    /** The file a reader opens and the id its frames carry. */
    record Video(Path file, String id) {
    }

    VideoFrameItemReader(String name, Function<ExecutionContext, Video> video, Function<Path, FrameReaderBuilder> frames,
                         MotionGate.Settings motion) {
        this.name = name;
        this.video = video;
        this.frames = frames;
        this.motion = motion;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        Objects.requireNonNull(executionContext, "executionContext must not be null");
        if (delegate != null) {
            throw new ItemStreamException("reader '" + name + "' is open already");
        }
        Video opened = video.apply(executionContext);
        FrameReader reader = frames.apply(opened.file()).videoId(opened.id()).build();
        // A gate per opening: after a restart it starts afresh, as it does for every partition of the CLI's job.
        MotionGatingReader gated = new MotionGatingReader(new FrameItemReader(reader, name),
                motion == null ? null : new MotionGate(motion));
        gated.open(executionContext);
        delegate = gated;
    }

    @Override
    public GatedFrame read() throws Exception {
        if (delegate == null) {
            throw new ItemStreamException("reader '" + name + "' is not open: register it as the step's reader or stream");
        }
        return delegate.read();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (delegate != null) {
            delegate.update(executionContext);
        }
    }

    @Override
    public void close() {
        if (delegate != null) {
            try {
                delegate.close();
            } finally {
                delegate = null;
            }
        }
    }
}
