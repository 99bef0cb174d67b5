package org.edgebatch.publish;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publishing of one node, run on that node (the event files are on its disk): sends every PENDING outbox row of
 * the job made on the node (this instance's and those earlier runs left) through an {@link OutboxDrain}. Rows whose
 * store stays unreachable wait in the outbox and the step completes (the report counts them as pending uploads; the
 * next run, a restart or {@code edgebatch publish} sends them). A row of this instance that failed for another reason
 * fails the step, naming how many and the first error.
 */
public final class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    /** The step execution context's count of this node's rows left waiting for an unreachable store. */
    public static final String WAITING = "publish.waiting";

    private final Outbox outbox;
    private final Supplier<Publisher> publishers;
    private final OutboxDrain drain;
    private final String nodeId;

    /** @param publishers opens the job's publisher; it is closed after each execution */
    public PublishTasklet(Outbox outbox, Supplier<Publisher> publishers, OutboxDrain drain, String nodeId) {
        this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
        this.publishers = Objects.requireNonNull(publishers, "publishers must not be null");
        this.drain = Objects.requireNonNull(drain, "drain must not be null");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId must not be null");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        String jobName = jobExecution.getJobInstance().getJobName();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        // Outcomes are counted here, not read back: the marks commit in transactions of their own, which this step's
        // transaction may not see (MariaDB's repeatable read keeps the snapshot of its first read).
        OutboxDrain.Result result;
        String target;
        try (Publisher publisher = publishers.get()) {
            target = publisher.target();
            result = drain.drain(publisher, outbox.pending(jobName, nodeId));
        }
        contribution.incrementWriteCount(result.sent());
        contribution.getStepExecution().getExecutionContext().putInt(WAITING, result.waiting().size());
        if (!result.waiting().isEmpty()) {
            log.warn("{} event(s) of node {} wait in the outbox for {} (send them with: edgebatch publish --job {}); last error: {}",
                    result.waiting().size(), nodeId, target, jobName, result.lastTransientError());
        }
        List<OutboxDrain.Failure> ours = result.failed().stream().filter(f -> f.entry().jobInstanceId() == instanceId).toList();
        if (!ours.isEmpty()) {
            throw new PublishException(ours.size() + " event(s) of job instance " + instanceId + " on node " + nodeId
                    + " could not be published to " + target + " and stay in the outbox; first error: " + ours.getFirst().error());
        }
        return RepeatStatus.FINISHED;
    }
}
