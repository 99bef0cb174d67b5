package org.edgebatch.job;

import java.util.List;
import java.util.Objects;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The files of one node that one partition of the detect and events steps reads, in the fixed order it reads them
 * (the plan's: by path). Named after its first file ({@code <node>-v<index>}, {@link PlannedVideo#partitionName()}).
 * Which files a partition holds is kept in the job repository ({@code EB_VIDEO.PARTITION_NAME}); the partition's
 * context holds its first file's keys (so a partition of one file reads as before) and the group's size.
 */
public record VideoGroup(String name, String nodeId, List<PlannedVideo> videos) {

    /** Partition ExecutionContext key: the number of files the partition holds (absent: one, from the context). */
    public static final String SIZE = "group.size";
    /** Partition ExecutionContext key: the frames of all its files, for progress. */
    public static final String FRAMES = "group.frames";
    /** Detect partition ExecutionContext key: the index in the group of the file being read (committed). */
    public static final String FILE_INDEX = "group.fileIndex";

    public VideoGroup {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        videos = List.copyOf(videos);
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("a group holds at least one video");
        }
    }

    /** The partition's ExecutionContext: its first file's keys, the group's size and its frames. */
    public ExecutionContext toContext() {
        ExecutionContext context = videos.getFirst().toContext();
        context.putInt(SIZE, videos.size());
        context.putLong(FRAMES, frames());
        return context;
    }

    public long frames() {
        return videos.stream().mapToLong(PlannedVideo::frames).sum();
    }

    /** Whether a partition's context is a group's (false for a partition of one file planned before groups existed). */
    public static boolean isGroup(ExecutionContext context) {
        return context.containsKey(SIZE);
    }
}
