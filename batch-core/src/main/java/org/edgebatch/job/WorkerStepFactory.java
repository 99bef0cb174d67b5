package org.edgebatch.job;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Builds the worker step that runs one partition. A partition request carries only its step execution's id, and a
 * worker step depends on the job's spec and the partition's video, so the step is built per partition from what the
 * job repository holds; that works the same in the manager's JVM (embedded) and in a remote worker.
 */
public interface WorkerStepFactory {

    /** The worker step's name: partitions of it are named {@code <name>:<partition>}. */
    String stepName();

    /** The step that runs {@code partition} (a step execution of this worker step). */
    Step create(StepExecution partition);
}
