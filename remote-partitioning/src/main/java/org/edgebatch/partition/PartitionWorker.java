package org.edgebatch.partition;

import java.time.LocalDateTime;
import java.util.Objects;
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
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * The worker endpoint: runs the partition a {@link StepExecutionRequest} names, with the worker step built for it.
 * Unlike Spring Batch Integration's {@code StepExecutionRequestHandler} it drops a request whose partition is no
 * longer waiting to start (a request left in a queue from before a recovery and restart, or delivered twice), ends a
 * partition whose job is stopping as STOPPED without running it, and records any failure in the job repository
 * itself: the manager polls the repository, so a partition that failed without saying so would be waited for until
 * the timeout.
 */
public final class PartitionWorker implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final WorkerSteps workerSteps;

    public PartitionWorker(JobRepository jobRepository, WorkerSteps workerSteps) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.workerSteps = Objects.requireNonNull(workerSteps, "workerSteps must not be null");
    }

    @Override
    public void handleMessage(Message<?> message) {
        if (message.getPayload() instanceof StepExecutionRequest request) {
            handle(request);
        } else {
            log.warn("dropping a message that is no partition request: {}", message.getPayload());
        }
    }

    /** Runs the request's partition; returns its execution, or null when the request was dropped. */
    public StepExecution handle(StepExecutionRequest request) {
        StepExecution partition = find(request.getStepExecutionId());
        if (partition == null) {
            log.warn("dropping {}: there is no such step execution", request);
            return null;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("dropping {} for {}: it is {}, not waiting to start", request, partition.getStepName(), partition.getStatus());
            return null;
        }
        JobExecution job = partition.getJobExecution();
        if (job.isStopping() || !job.getStatus().isRunning()) {
            log.info("not running {}: its job execution {} is {}", partition.getStepName(), job.getId(), job.getStatus());
            end(partition, BatchStatus.STOPPED, ExitStatus.STOPPED, null);
            return partition;
        }
        try {
            Step step = workerSteps.resolve(partition);
            step.execute(partition);
        } catch (JobInterruptedException e) {
            end(partition, BatchStatus.STOPPED, ExitStatus.STOPPED, null);
        } catch (Throwable e) {
            log.error("partition {} failed: {}", partition.getStepName(), e.toString());
            partition.addFailureException(e);
            end(partition, BatchStatus.FAILED, ExitStatus.FAILED, e);
        }
        return partition;
    }

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
        } catch (RuntimeException e) {
            log.warn("step execution {} cannot be read: {}", stepExecutionId, e.toString());
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
            log.error("the end of partition {} could not be recorded: {}", partition.getStepName(), e.toString());
        }
    }
}
