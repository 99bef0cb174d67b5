package org.edgebatch.job;

import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.step.Step;

/**
 * Makes the manager side of a partitioned step: one partition per video (or per node) of the job's plan, each sent
 * to the node holding the video and run there by the worker step. Embedded mode routes partitions to in-JVM channels; the
 * distributed mode routes the same requests through a broker, so switching modes is wiring.
 */
public interface PartitionStepFactory {

    /**
     * @param name           the manager step's name ({@code detect}, {@code events}, {@code publish})
     * @param workerStepName the step each partition runs (a {@link WorkerStepFactory#stepName()})
     * @param grain          one partition per video, or per node
     */
    Step partitionedStep(String name, String workerStepName, JobSpec spec, PartitionGrain grain);
}
