package org.edgebatch.job;

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

    /** The partitions of a partitioned step: one per video, by partition name. */
    public Map<String, ExecutionContext> partitions() {
        return partitions(PartitionGrain.VIDEO);
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
