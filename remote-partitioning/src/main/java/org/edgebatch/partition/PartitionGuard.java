package org.edgebatch.partition;

import org.springframework.batch.core.step.StepExecution;

/**
 * What a node checks before it runs a partition it has claimed, whatever the manager planned: that the file lies in
 * its allow-list (checked again where the file is, on the real path as it is now), and in distributed mode that its
 * model file is the one the manager planned with.
 */
@FunctionalInterface
public interface PartitionGuard {

    /** @throws PartitionRefusedException saying why the partition must not run here */
    void check(StepExecution partition);
}
