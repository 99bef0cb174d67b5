package org.edgebatch.partition;

import java.util.Map;
import org.edgebatch.job.PartitionGrain;
import org.edgebatch.job.VideoPlan;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Partitions by where the files are: one partition per (node, video) of the job's plan, named {@code <node>-v<index>},
 * its context holding the node and the video ({@link org.edgebatch.job.PlannedVideo#toContext()}); or, for a per-node
 * step, one per node. The plan is read from the job's ExecutionContext when the manager step starts (register this as
 * a listener of it); the grid size is ignored, the plan decides. The same plan gives the same partitions on a restart.
 */
public final class LocalityPartitioner implements Partitioner, StepExecutionListener {

    private final PartitionGrain grain;
    private volatile VideoPlan plan;

    public LocalityPartitioner(PartitionGrain grain) {
        this.grain = java.util.Objects.requireNonNull(grain, "grain must not be null");
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
        return plan().partitions(grain);
    }
}
