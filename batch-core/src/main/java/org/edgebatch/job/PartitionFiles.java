package org.edgebatch.job;

import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The video files a partition of the detect or events step reads, in order: the group the plan stored in the job
 * repository for a partition of several files, the one file its context names otherwise (and for partitions planned
 * before partitions held several files).
 */
public final class PartitionFiles {

    private final JdbcTemplate jdbc;

    public PartitionFiles(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
    }

    /**
     * @throws IllegalStateException for a partition whose context names no video, or whose group is not stored
     */
    public List<PlannedVideo> of(StepExecution partition) {
        ExecutionContext context = partition.getExecutionContext();
        PlannedVideo first = PlannedVideo.fromContext(context);
        if (!VideoGroup.isGroup(context) || context.getInt(VideoGroup.SIZE) == 1) {
            return List.of(first);
        }
        long instanceId = partition.getJobExecution().getJobInstance().getInstanceId();
        List<PlannedVideo> videos = VideoTable.partitionVideos(jdbc, instanceId, first.partitionName());
        if (videos.size() != context.getInt(VideoGroup.SIZE)) {
            throw new IllegalStateException("partition " + first.partitionName() + " holds " + context.getInt(VideoGroup.SIZE)
                    + " files, but the job repository lists " + videos.size() + " for it (EB_VIDEO.PARTITION_NAME)");
        }
        return videos;
    }
}
