package org.edgebatch.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publishing of one node, run on that node (the event files are on its disk): sends every PENDING outbox row of
 * the job made on the node (this instance's and those earlier runs left), oldest first, marking each SENT once its
 * publisher returned. A row that fails stays PENDING with its error; if any row of this instance is left, the step
 * fails naming how many and the first error, so the job can be restarted to send them.
 */
public final class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final Outbox outbox;
    private final Publisher publisher;
    private final String nodeId;

    public PublishTasklet(Outbox outbox, Publisher publisher, String nodeId) {
        this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId must not be null");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        String jobName = jobExecution.getJobInstance().getJobName();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        int sent = 0;
        // Outcomes are counted here, not read back: the marks commit in transactions of their own, which this step's
        // transaction may not see (MariaDB's repeatable read keeps the snapshot of its first read).
        List<String> errors = new ArrayList<>();
        for (OutboxEntry entry : outbox.pending(jobName, nodeId)) {
            try {
                publisher.publish(entry);
                outbox.markSent(entry.id());
                sent++;
            } catch (RuntimeException e) {
                log.warn("event {} not published (attempt {}): {}", entry.eventKey(), entry.attempts() + 1, e.getMessage());
                outbox.markFailed(entry.id(), e.getMessage());
                if (entry.jobInstanceId() == instanceId) {
                    errors.add(e.getMessage());
                }
            }
        }
        contribution.incrementWriteCount(sent);
        if (!errors.isEmpty()) {
            throw new PublishException(errors.size() + " event(s) of job instance " + instanceId + " on node " + nodeId
                    + " could not be published to "
                    + publisher.target() + " and stay in the outbox; first error: " + errors.getFirst());
        }
        return RepeatStatus.FINISHED;
    }
}
