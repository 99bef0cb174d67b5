package org.edgebatch.step;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Decodes ahead: a thread of its own reads the {@link FrameItemReader} into a small queue while the step's thread runs
 * inference on the frames already decoded, so decoding overlaps inference. Restart stays exact: with every frame the
 * decoding thread also takes the reader's ExecutionContext state right after it, and {@link #update} saves the state
 * of the last frame this reader handed out, never the decoder's position ahead of it. Undecodable frames and fatal
 * read errors come out in order, thrown by {@link #read} as the plain reader would throw them.
 */
public class PrefetchingFrameReader implements ItemStreamReader<VideoFrame> {

    private sealed interface Item {
        ExecutionContext state();

        FrameReader.ReadStatistics statistics();
    }

    private record Frame(VideoFrame frame, ExecutionContext state, FrameReader.ReadStatistics statistics) implements Item {
    }

    private record Failure(RuntimeException error, ExecutionContext state, FrameReader.ReadStatistics statistics,
                           boolean fatal) implements Item {
    }

    private final FrameItemReader reader;
    private final int depth;
    private BlockingQueue<Item> queue;
    private Thread decoder;
    private volatile boolean stopping;
    private boolean ended;
    private ExecutionContext lastState;
    private FrameReader.ReadStatistics lastStatistics = new FrameReader.ReadStatistics(0, 0, 0, 0);

    /** @param depth frames decoded ahead, at least 1 */
    public PrefetchingFrameReader(FrameItemReader reader, int depth) {
        this.reader = Objects.requireNonNull(reader, "reader must not be null");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + depth);
        }
        this.depth = depth;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        reader.open(executionContext);
        lastStatistics = reader.statistics();
        queue = new ArrayBlockingQueue<>(depth);
        stopping = false;
        ended = false;
        lastState = null;
        decoder = Thread.ofPlatform().daemon().name(Thread.currentThread().getName() + "-decode").start(this::decode);
    }

    private void decode() {
        try {
            while (!stopping) {
                Item item;
                try {
                    VideoFrame frame = reader.read();
                    item = new Frame(frame, StreamState.of(reader), reader.statistics());
                    put(item);
                    if (frame == null) {
                        return;
                    }
                } catch (FrameParseException e) {
                    put(new Failure(e, StreamState.of(reader), reader.statistics(), false));
                } catch (RuntimeException e) {
                    put(new Failure(e, StreamState.of(reader), reader.statistics(), true));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Closing: the step no longer wants frames.
        }
    }

    private void put(Item item) throws InterruptedException {
        while (!stopping) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    public VideoFrame read() {
        if (queue == null) {
            throw new ItemStreamException("the prefetching frame reader is not open");
        }
        if (ended) {
            return null;
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while waiting for a decoded frame", e);
        }
        lastState = item.state();
        lastStatistics = item.statistics();
        switch (item) {
            case Frame(VideoFrame frame, ExecutionContext state, FrameReader.ReadStatistics statistics) -> {
                ended = frame == null;
                return frame;
            }
            case Failure(RuntimeException error, ExecutionContext state, FrameReader.ReadStatistics statistics, boolean fatal) -> {
                ended = fatal;
                throw error;
            }
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (lastState != null) {
            StreamState.copy(lastState, executionContext);
        }
    }

    /** The reader's counts as of the last frame handed out (frames decoded ahead are not counted yet). */
    public FrameReader.ReadStatistics statistics() {
        return lastStatistics;
    }

    @Override
    public void close() {
        stopping = true;
        if (decoder != null) {
            decoder.interrupt();
            try {
                decoder.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            decoder = null;
        }
        queue = null;
        reader.close();
    }
}
