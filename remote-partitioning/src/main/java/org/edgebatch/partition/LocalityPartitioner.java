package org.edgebatch.partition;

import java.util.Map;
import org.edgebatch.job.PartitionGrain;
import org.edgebatch.job.VideoPlan;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Partitions by where the files are: one partition per group of files of one node ({@link VideoPlan#groups}, at most
 * {@code partitionFiles} files and {@code partitionSeconds} of footage), named after its first file
 * {@code <node>-v<index>}, its context holding the node, the first video and the group's size
 * ({@link org.edgebatch.job.VideoGroup#toContext()}; the files themselves are in the job repository); or, for a per-node
 * step, one per node. The plan is read from the job's ExecutionContext when the manager step starts (register this as
 * a listener of it); the grid size is ignored, the plan decides. The same plan gives the same partitions on a restart.
 */
public final class LocalityPartitioner implements Partitioner, StepExecutionListener {

    private final PartitionGrain grain;
    private final int partitionFiles;
    private final double partitionSeconds;
    private volatile VideoPlan plan;

    /** One partition per video (or per node). */
    public LocalityPartitioner(PartitionGrain grain) {
        this(grain, 1, Double.MAX_VALUE);
    }

    /** One partition per group of at most {@code partitionFiles} files and {@code partitionSeconds} seconds (or per node). */
    public LocalityPartitioner(PartitionGrain grain, int partitionFiles, double partitionSeconds) {
        this.grain = java.util.Objects.requireNonNull(grain, "grain must not be null");
        if (partitionFiles < 1 || !(partitionSeconds > 0)) {
            throw new IllegalArgumentException("partitionFiles and partitionSeconds must be positive, were " + partitionFiles
                    + " and " + partitionSeconds);
        }
        this.partitionFiles = partitionFiles;
        this.partitionSeconds = partitionSeconds;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        plan = VideoPlan.from(stepExecution.getJobExecution().getExecutionContext());
    }

    /** The plan read when the step started. */
    public VideoPlan plan() {
        if (plan == null) {
            throw new IllegalStateException("the partitioner has no plan: it must listen to its manager step");
        }
        return plan;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        return plan().partitions(grain, partitionFiles, partitionSeconds);
    }
}
