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
 * {@code input.partitionFiles} files and {@code input.partitionSeconds} of footage, as the inventory fixed them in the
 * job's context with the plan), named after its first file
 * {@code <node>-v<index>}, its context holding the node, the first video and the group's size
 * ({@link org.edgebatch.job.VideoGroup#toContext()}; the files themselves are in the job repository); or, for a per-node
 * step, one per node. The plan is read from the job's ExecutionContext when the manager step starts (register this as
 * a listener of it); the grid size is ignored, the plan decides. The same plan gives the same partitions on a restart.
 */
public final class LocalityPartitioner implements Partitioner, StepExecutionListener {

    private final PartitionGrain grain;
    private volatile VideoPlan plan;
    private volatile ExecutionContext jobContext;

    public LocalityPartitioner(PartitionGrain grain) {
        this.grain = java.util.Objects.requireNonNull(grain, "grain must not be null");
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobContext = stepExecution.getJobExecution().getExecutionContext();
        plan = VideoPlan.from(jobContext);
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
        // Grouped by the budget stored with the plan (a plan from before groups: one file each), so a restart
        // partitions exactly as the first run did.
        return plan().partitions(grain, jobContext);
    }
}
