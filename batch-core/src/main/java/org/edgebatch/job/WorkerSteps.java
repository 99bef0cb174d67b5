package org.edgebatch.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/** The worker steps a worker endpoint can run, found by the step name part of a partition's name. */
public final class WorkerSteps {

    private final Map<String, WorkerStepFactory> factories = new LinkedHashMap<>();

    public WorkerSteps(List<WorkerStepFactory> factories) {
        factories.forEach(factory -> this.factories.put(factory.stepName(), factory));
    }

    /**
     * The step that runs a partition named {@code <worker step>:<partition>}.
     *
     * @throws IllegalArgumentException when no worker step has that name, listing the known ones
     */
    public Step resolve(StepExecution partition) {
        String name = partition.getStepName();
        String stepName = PartitionNames.workerStep(name);
        WorkerStepFactory factory = factories.get(stepName);
        if (factory == null) {
            throw new IllegalArgumentException("no worker step '" + stepName + "' for partition " + name + "; known: "
                    + factories.keySet());
        }
        return factory.create(partition);
    }
}
