package org.edgebatch.job;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.edgebatch.step.PendingFrame;
import org.edgebatch.step.VideoPositionKeys;
import org.edgebatch.video.FrameReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the files of a partition that holds several, one after the other in the group's order, each through a reader
 * of its own (decoder, motion gate and inference ahead, as a partition of one file reads it). The partition's
 * ExecutionContext keeps the index of the file being read ({@value VideoGroup#FILE_INDEX}) beside that file's own
 * position, so a restart opens the file it was in at its last committed frame and never reopens a file before it.
 * A file's reader is switched only once it has handed out its last frame, so a chunk holding the end of one file and
 * the start of the next commits the next file's position.
 */
final class GroupedFrameReader implements ItemStreamReader<PendingFrame> {

    /** What reads one file, and its decoding counts. */
    record FileReader(ItemStreamReader<PendingFrame> reader, Supplier<FrameReader.ReadStatistics> statistics) {
    }

    private static final String POSITION_PREFIX = VideoPositionKeys.DEFAULT_NAME + ".";

    private final List<PlannedVideo> videos;
    private final Function<PlannedVideo, FileReader> readers;
    private int index;
    private FileReader current;
    private FrameReader.ReadStatistics finished = new FrameReader.ReadStatistics(0, 0, 0, 0);

    GroupedFrameReader(List<PlannedVideo> videos, Function<PlannedVideo, FileReader> readers) {
        this.videos = List.copyOf(videos);
        this.readers = Objects.requireNonNull(readers, "readers must not be null");
        if (this.videos.isEmpty()) {
            throw new IllegalArgumentException("videos must not be empty");
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        index = executionContext.getInt(VideoGroup.FILE_INDEX, 0);
        finished = new FrameReader.ReadStatistics(0, 0, 0, 0);
        if (index < videos.size()) {
            current = readers.apply(videos.get(index));
            // The context holds the position of the file it was in, or none when it had just moved on to this one.
            current.reader().open(executionContext);
        }
    }

    @Override
    public PendingFrame read() throws Exception {
        while (current != null) {
            PendingFrame frame = current.reader().read();
            if (frame != null) {
                return frame;
            }
            finished = plus(finished, current.statistics().get());
            current.reader().close();
            current = null;
            index++;
            if (index < videos.size()) {
                current = readers.apply(videos.get(index));
                current.reader().open(new ExecutionContext());
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putInt(VideoGroup.FILE_INDEX, index);
        executionContext.entrySet().stream().map(Map.Entry::getKey).filter(key -> key.startsWith(POSITION_PREFIX)).toList()
                .forEach(executionContext::remove);
        if (current != null) {
            current.reader().update(executionContext);
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.reader().close();
            current = null;
        }
    }

    /** The decoding counts of this execution: the files finished and the one being read. */
    FrameReader.ReadStatistics statistics() {
        return current == null ? finished : plus(finished, current.statistics().get());
    }

    /** The video being read (the last one once all are read). */
    PlannedVideo video() {
        return videos.get(Math.min(index, videos.size() - 1));
    }

    private static FrameReader.ReadStatistics plus(FrameReader.ReadStatistics a, FrameReader.ReadStatistics b) {
        return new FrameReader.ReadStatistics(a.packetsRead() + b.packetsRead(), a.picturesDecoded() + b.picturesDecoded(),
                a.framesReturned() + b.framesReturned(), a.framesUndecodable() + b.framesUndecodable());
    }
}
