package org.edgebatch.job;

import java.util.Objects;
import java.util.SplittableRandom;
import org.edgebatch.publish.Outbox;
import org.edgebatch.publish.OutboxDrain;
import org.edgebatch.publish.PublishRetry;
import org.edgebatch.publish.PublishTasklet;
import org.edgebatch.publish.Publishers;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the {@code publishWorker} step of one node's partition: a {@link PublishTasklet} over the node's outbox rows,
 * run on the node, because the event files it sends are on the node's disk.
 */
public final class PublishWorkerStepFactory implements WorkerStepFactory {

    public static final String STEP_NAME = "publishWorker";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JobSpecStore specs;
    private final Outbox outbox;
    private final Publishers publishers;

    public PublishWorkerStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    JobSpecStore specs, Outbox outbox, Publishers publishers) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
        this.publishers = Objects.requireNonNull(publishers, "publishers must not be null");
    }

    @Override
    public String stepName() {
        return STEP_NAME;
    }

    @Override
    public Step create(StepExecution partition) {
        String nodeId = partition.getExecutionContext().getString(PlannedVideo.NODE, null);
        if (nodeId == null) {
            throw new IllegalStateException("the publish partition " + partition.getStepName() + " names no node");
        }
        JobSpec spec = specs.load(partition.getJobExecution().getJobInstance().getInstanceId());
        PublishTasklet tasklet = new PublishTasklet(outbox, () -> publishers.of(spec.publish()).orElseThrow(() ->
                new IllegalStateException("job " + spec.name() + " publishes nowhere (publish.target: none)")),
                new OutboxDrain(outbox, PublishRetry.DEFAULT, new SplittableRandom()), nodeId);
        return new StepBuilder(STEP_NAME, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
