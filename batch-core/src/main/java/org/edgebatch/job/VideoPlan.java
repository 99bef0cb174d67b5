package org.edgebatch.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The videos of one job instance and the node reading each, fixed by the inventory step and kept in the job's
 * ExecutionContext (as JSON under {@link #CONTEXT_KEY}), so a restart partitions exactly as the first run did; and the
 * files the inventory left out ({@code EB_LEFT_OUT_FILE}, not in the context: nothing partitions them).
 */
public record VideoPlan(List<PlannedVideo> videos, List<LeftOutFile> leftOut) {

    /** The job ExecutionContext key of the plan. */
    public static final String CONTEXT_KEY = "inventory.plan";
    /**
     * Job ExecutionContext keys of the budget the plan's files were grouped by ({@link #groups}): fixed with the plan,
     * so a restart partitions as the first run did whatever the spec says now. A plan stored without them (before
     * partitions held several files) is partitioned one file each.
     */
    public static final String PARTITION_FILES_KEY = "inventory.partitionFiles";
    public static final String PARTITION_SECONDS_KEY = "inventory.partitionSeconds";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public VideoPlan {
        videos = List.copyOf(videos);
        leftOut = List.copyOf(leftOut);
    }

    /** A plan that left no file out. */
    public VideoPlan(List<PlannedVideo> videos) {
        this(videos, List.of());
    }

    /** The plan stored in a job's ExecutionContext. */
    public static VideoPlan from(ExecutionContext jobContext) {
        if (!jobContext.containsKey(CONTEXT_KEY)) {
            throw new IllegalStateException("the job's context has no video plan ('" + CONTEXT_KEY
                    + "'); the inventory step has not completed");
        }
        return new VideoPlan(JSON.readValue(jobContext.getString(CONTEXT_KEY), new TypeReference<List<PlannedVideo>>() {
        }));
    }

    public void storeIn(ExecutionContext jobContext) {
        jobContext.putString(CONTEXT_KEY, JSON.writeValueAsString(videos));
    }

    /** Stores the plan and the budget its files are grouped by. */
    public void storeIn(ExecutionContext jobContext, int partitionFiles, int partitionSeconds) {
        storeIn(jobContext);
        jobContext.putInt(PARTITION_FILES_KEY, partitionFiles);
        jobContext.putInt(PARTITION_SECONDS_KEY, partitionSeconds);
    }

    /**
     * The partitions of a partitioned step as the job's context fixed them: grouped by the budget stored with the plan,
     * one file each for a plan stored without one.
     */
    public Map<String, ExecutionContext> partitions(PartitionGrain grain, ExecutionContext jobContext) {
        if (!jobContext.containsKey(PARTITION_FILES_KEY)) {
            return partitions(grain);
        }
        return partitions(grain, jobContext.getInt(PARTITION_FILES_KEY), jobContext.getInt(PARTITION_SECONDS_KEY));
    }

    /** The partitions of a partitioned step: one per video, by partition name. */
    public Map<String, ExecutionContext> partitions() {
        return partitions(PartitionGrain.VIDEO);
    }

    /**
     * The files of each node in groups, the partitions of the detect and events steps: in plan order, a group closes
     * when it holds {@code maxFiles} files, or when the next file would take it past {@code maxSeconds} of footage; a
     * file longer than that is a group of its own. The same plan and budget always give the same groups.
     */
    public List<VideoGroup> groups(int maxFiles, double maxSeconds) {
        if (maxFiles < 1 || !(maxSeconds > 0)) {
            throw new IllegalArgumentException("maxFiles and maxSeconds must be positive, were " + maxFiles + " and " + maxSeconds);
        }
        long maxMicros = (long) (maxSeconds * 1e6);
        List<VideoGroup> groups = new ArrayList<>();
        List<PlannedVideo> current = new ArrayList<>();
        long currentMicros = 0;
        for (PlannedVideo video : videos) {
            boolean otherNode = !current.isEmpty() && !current.getFirst().nodeId().equals(video.nodeId());
            boolean full = current.size() >= maxFiles || currentMicros > maxMicros - video.durationMicros();
            if (!current.isEmpty() && (otherNode || full)) {
                groups.add(group(current));
                current = new ArrayList<>();
                currentMicros = 0;
            }
            current.add(video);
            currentMicros += video.durationMicros();
        }
        if (!current.isEmpty()) {
            groups.add(group(current));
        }
        return groups;
    }

    private static VideoGroup group(List<PlannedVideo> videos) {
        return new VideoGroup(videos.getFirst().partitionName(), videos.getFirst().nodeId(), videos);
    }

    /**
     * The partitions of a partitioned step, by partition name: one per group of files ({@link #groups}), or one per
     * node named after it, whose context holds just the {@value PlannedVideo#NODE}.
     */
    public Map<String, ExecutionContext> partitions(PartitionGrain grain, int maxFiles, double maxSeconds) {
        if (grain == PartitionGrain.NODE) {
            return partitions(grain);
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        groups(maxFiles, maxSeconds).forEach(group -> partitions.put(group.name(), group.toContext()));
        return partitions;
    }

    /**
     * The partitions of a partitioned step, by partition name: one per video ({@link PlannedVideo#toContext()}), or one
     * per node named after it, whose context holds just the {@value PlannedVideo#NODE}.
     */
    public Map<String, ExecutionContext> partitions(PartitionGrain grain) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        switch (grain) {
            case VIDEO -> videos.forEach(video -> partitions.put(video.partitionName(), video.toContext()));
            case NODE -> nodeIds().forEach(node -> {
                ExecutionContext context = new ExecutionContext();
                context.putString(PlannedVideo.NODE, node);
                partitions.put(node, context);
            });
        }
        return partitions;
    }

    /** The ids of the nodes holding a video. */
    public Set<String> nodeIds() {
        Set<String> ids = new TreeSet<>();
        videos.forEach(video -> ids.add(video.nodeId()));
        return ids;
    }

    public long totalFrames() {
        return videos.stream().mapToLong(PlannedVideo::frames).sum();
    }

    public long totalBytes() {
        return videos.stream().mapToLong(PlannedVideo::sizeBytes).sum();
    }
}
