package org.edgebatch.partition.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.edgebatch.job.EventsWorkerStepFactory;
import org.edgebatch.job.ExecutionRecovery;
import org.edgebatch.job.LaunchRefusedException;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.PartitionNames;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.job.ProcessRecovery;
import org.edgebatch.job.VideoPlan;
import org.edgebatch.partition.registry.NodeRecord;
import org.edgebatch.partition.registry.NodeRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The distributed mode's recovery before a restart. Every node that holds unfinished work must be alive (a restart
 * sends each partition to the node that holds its file, so it waits for that node to be back). A run whose manager
 * died is then wound down cleanly: asked to stop, so live workers stop their partitions after the current chunk and
 * skip requests still queued; partitions of lost workers and requests nobody took are failed; once no live worker
 * runs any of its partitions (waiting up to {@code restartWait}), Spring Batch's {@code recover} marks it FAILED.
 */
public final class DistributedRecovery implements ExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(DistributedRecovery.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final ProcessHeartbeat heartbeat;
    private final NodeRegistry registry;
    private final PartitionClaims claims;
    private final LostNodeMonitor monitor;
    private final Duration nodeTimeout;
    private final Duration restartWait;

    public DistributedRecovery(JobRepository jobRepository, JobOperator jobOperator, ProcessHeartbeat heartbeat,
                               NodeRegistry registry, PartitionClaims claims, LostNodeMonitor monitor, Duration nodeTimeout,
                               Duration restartWait) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.jobOperator = Objects.requireNonNull(jobOperator, "jobOperator must not be null");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat must not be null");
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.claims = Objects.requireNonNull(claims, "claims must not be null");
        this.monitor = Objects.requireNonNull(monitor, "monitor must not be null");
        this.nodeTimeout = Objects.requireNonNull(nodeTimeout, "nodeTimeout must not be null");
        this.restartWait = Objects.requireNonNull(restartWait, "restartWait must not be null");
    }

    @Override
    public void prepare(JobExecution last) {
        refuseLostNodes(last);
        if (!last.getStatus().isRunning()) {
            return;
        }
        ProcessRecovery.refuseIfAlive(heartbeat, last);
        long id = last.getId();
        if (!last.isStopping()) {
            try {
                jobOperator.stop(last);
            } catch (Exception e) {
                log.debug("execution {} was not running when asked to stop: {}", id, e.getMessage());
            }
        }
        long deadline = System.nanoTime() + restartWait.toNanos();
        while (true) {
            monitor.failPartitionsOfLostWorkers(id);
            JobExecution current = jobRepository.getJobExecution(id);
            List<String> running = new ArrayList<>();
            for (StepExecution partition : current.getStepExecutions()) {
                if (!PartitionNames.isPartition(partition.getStepName())) {
                    continue;
                }
                if (partition.getStatus() == BatchStatus.STARTING) {
                    // A request still queued (or on a node that is down): failed here, it can no longer be claimed.
                    claims.fail(partition.getId(), EnumSet.of(BatchStatus.STARTING), "not taken by a worker before execution "
                            + id + " was recovered for a restart");
                } else if (partition.getStatus().isRunning()) {
                    running.add(partition.getStepName() + " on " + partition.getExecutionContext().getString(PlannedVideo.NODE, "?"));
                }
            }
            if (running.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchRefusedException("execution " + id + " still has partitions running on live workers after "
                        + restartWait.toSeconds() + " s: " + String.join(", ", running) + "; restart it once they have stopped");
            }
            sleep();
        }
        jobOperator.recover(jobRepository.getJobExecution(id));
        heartbeat.stop(id);
    }

    /** Refuses the restart while a node holding unfinished work of the instance is not alive. */
    private void refuseLostNodes(JobExecution last) {
        if (!last.getExecutionContext().containsKey(VideoPlan.CONTEXT_KEY)) {
            return;
        }
        VideoPlan plan = VideoPlan.from(last.getExecutionContext());
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution run : jobRepository.getJobExecutions(last.getJobInstance())) {
            for (StepExecution step : run.getStepExecutions()) {
                if (PartitionNames.isPartition(step.getStepName())) {
                    latest.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        Set<String> unfinished = new TreeSet<>();
        for (String node : plan.nodeIds()) {
            if (!nodeDone(node, plan, latest)) {
                unfinished.add(node);
            }
        }
        long now = registry.now();
        Map<String, NodeRecord> nodes = registry.nodes().stream().collect(Collectors.toMap(NodeRecord::nodeId, Function.identity()));
        List<String> missing = new ArrayList<>();
        for (String node : unfinished) {
            NodeRecord record = nodes.get(node);
            if (record == null) {
                missing.add(node + " (never registered)");
            } else if (!record.alive(now, nodeTimeout)) {
                missing.add(record.describe(now) + " " + record.liveness(now, nodeTimeout));
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchRefusedException("execution " + last.getId() + " has unfinished work on node(s) whose worker is not"
                    + " running: " + String.join(", ", missing) + "; start 'edgebatch worker' there again, then restart");
        }
    }

    /**
     * True when the node's work is all done: the events of each of its videos completed (so its detect partitions had
     * too) and none of its latest partitions is anything but COMPLETED.
     */
    private static boolean nodeDone(String node, VideoPlan plan, Map<String, StepExecution> latest) {
        for (PlannedVideo video : plan.videos()) {
            if (video.nodeId().equals(node)) {
                StepExecution events = latest.get(EventsWorkerStepFactory.STEP_NAME + PartitionNames.SEPARATOR + video.partitionName());
                if (events == null || events.getStatus() != BatchStatus.COMPLETED) {
                    return false;
                }
            }
        }
        return latest.values().stream()
                .filter(step -> node.equals(step.getExecutionContext().getString(PlannedVideo.NODE, "")))
                .allMatch(step -> step.getStatus() == BatchStatus.COMPLETED);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchRefusedException("the restart was interrupted while waiting for partitions to stop", e);
        }
    }
}
