package org.edgebatch.partition;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.job.WorkerSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * The worker endpoint: runs the partition a {@link StepExecutionRequest} names, with the worker step built for it.
 * Unlike Spring Batch Integration's {@code StepExecutionRequestHandler} it first <em>claims</em> the partition (a
 * conditional update from STARTING, so a request delivered twice, or left in a queue from before a recovery and
 * restart, runs at most once), checks it with the node's {@link PartitionGuard} (allow-list, model), ends a partition
 * whose job is stopping as STOPPED without running it, and records any failure in the job repository itself: the
 * manager polls the repository, so a partition that failed without saying so would be waited for until the timeout.
 */
public final class PartitionWorker implements MessageHandler {

    /** What became of a request. */
    public enum Outcome {
        /** The partition ran (to any end: COMPLETED, FAILED, STOPPED). */
        RAN,
        /** It was ended without running: refused by the guard, or its job was stopping. */
        ENDED,
        /** Dropped: no such partition, not waiting to start, or claimed by another worker first. */
        DROPPED
    }

    /** Says which worker claims a partition of a node; a worker process refuses nodes other than its own. */
    @FunctionalInterface
    public interface Identity {
        /** @throws PartitionRefusedException for a node this worker does not serve */
        PartitionClaims.Worker forNode(String nodeId);
    }

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final WorkerSteps workerSteps;
    private final PartitionClaims claims;
    private final PartitionGuard guard;
    private final Identity identity;
    private final String nodeKey;
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();

    public PartitionWorker(JobRepository jobRepository, WorkerSteps workerSteps, PartitionClaims claims, PartitionGuard guard,
                           Identity identity) {
        this(jobRepository, workerSteps, claims, guard, identity, PlannedVideo.NODE);
    }

    /** @param nodeKey the key of a partition's node in its ExecutionContext */
    public PartitionWorker(JobRepository jobRepository, WorkerSteps workerSteps, PartitionClaims claims, PartitionGuard guard,
                           Identity identity, String nodeKey) {
        this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey must not be null");
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.workerSteps = Objects.requireNonNull(workerSteps, "workerSteps must not be null");
        this.claims = Objects.requireNonNull(claims, "claims must not be null");
        this.guard = Objects.requireNonNull(guard, "guard must not be null");
        this.identity = Objects.requireNonNull(identity, "identity must not be null");
    }

    @Override
    public void handleMessage(Message<?> message) {
        if (message.getPayload() instanceof StepExecutionRequest request) {
            handle(request, () -> {
            });
        } else {
            log.warn("dropping a message that is no partition request: {}", message.getPayload());
        }
    }

    /**
     * Claims and runs the request's partition.
     *
     * @param claimed called once the partition is this worker's (and only then): a broker-fed worker acknowledges the
     *                message there, since the claim in the repository now stands for it
     */
    public Outcome handle(StepExecutionRequest request, Runnable claimed) {
        StepExecution partition = find(request.getStepExecutionId());
        if (partition == null) {
            log.warn("dropping {}: there is no such step execution", request);
            return Outcome.DROPPED;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("dropping {} for {}: it is {}, not waiting to start", request, partition.getStepName(), partition.getStatus());
            return Outcome.DROPPED;
        }
        String node = partition.getExecutionContext().getString(nodeKey, "");
        PartitionClaims.Worker worker;
        try {
            worker = identity.forNode(node);
        } catch (PartitionRefusedException e) {
            log.warn("dropping {} for {}: {}", request, partition.getStepName(), e.getMessage());
            return Outcome.DROPPED;
        }
        if (!claims.claim(partition, worker)) {
            log.info("dropping {} for {}: another worker took it, or it ended, first", request, partition.getStepName());
            return Outcome.DROPPED;
        }
        claimed.run();
        JobExecution job = partition.getJobExecution();
        if (job.isStopping() || !job.getStatus().isRunning()) {
            log.info("not running {}: its job execution {} is {}", partition.getStepName(), job.getId(), job.getStatus());
            end(partition, BatchStatus.STOPPED, ExitStatus.STOPPED, null);
            return Outcome.ENDED;
        }
        try {
            guard.check(partition);
        } catch (PartitionRefusedException e) {
            log.error("partition {} refused: {}", partition.getStepName(), e.getMessage());
            end(partition, BatchStatus.FAILED, ExitStatus.FAILED, e);
            return Outcome.ENDED;
        }
        running.add(partition);
        try {
            Step step = workerSteps.resolve(partition);
            step.execute(partition);
        } catch (JobInterruptedException e) {
            end(partition, BatchStatus.STOPPED, ExitStatus.STOPPED, null);
        } catch (Throwable e) {
            log.error("partition {} failed: {}", partition.getStepName(), e.toString());
            partition.addFailureException(e);
            end(partition, BatchStatus.FAILED, ExitStatus.FAILED, e);
        } finally {
            running.remove(partition);
        }
        return Outcome.RAN;
    }

    /** How many partitions run here now. */
    public int running() {
        return running.size();
    }

    /**
     * Asks every partition running here to stop after its current chunk (they end STOPPED, restartable); used when
     * the worker process is asked to end.
     */
    public void stopRunning() {
        running.forEach(StepExecution::setTerminateOnly);
    }

    /** The partition, or null when there is no such step execution; a repository that cannot be read throws. */
    private StepExecution find(long stepExecutionId) {
        try {
            StepExecution lookedUp = jobRepository.getStepExecution(stepExecutionId);
            if (lookedUp == null) {
                return null;
            }
            // The job execution of a step looked up alone may lack its instance: take the step from its full job execution.
            JobExecution job = jobRepository.getJobExecution(lookedUp.getJobExecutionId());
            if (job == null) {
                return null;
            }
            return job.getStepExecutions().stream().filter(s -> s.getId() == stepExecutionId).findFirst().orElse(null);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    private void end(StepExecution partition, BatchStatus status, ExitStatus exit, Throwable failure) {
        partition.setStatus(status);
        partition.setExitStatus(failure == null ? exit : exit.addExitDescription(failure));
        if (partition.getStartTime() == null) {
            partition.setStartTime(LocalDateTime.now());
        }
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
        } catch (RuntimeException e) {
            // Failed from outside meanwhile (its worker judged lost): the outside verdict stands.
            log.error("the end of partition {} could not be recorded: {}", partition.getStepName(), e.toString());
        }
    }
}
