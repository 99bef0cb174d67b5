package org.edgebatch.partition.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.PartitionNames;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.partition.registry.NodeRecord;
import org.edgebatch.partition.registry.NodeRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Watches the nodes while a distributed partitioned step waits for its partitions. A partition whose worker is gone
 * fails: its node's heart-beat is older than the node timeout, its node's worker left, or a new worker holds its node
 * (the one that claimed it restarted). A request nobody took on a lost node fails too. The job is then asked to stop,
 * so partitions on the other nodes stop after their current chunk and the job ends within the timeout plus one poll,
 * naming the node, instead of waiting for the global partition timeout; {@code restart} continues it.
 */
public final class LostNodeMonitor implements StepExecutionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LostNodeMonitor.class);
    private static final EnumSet<BatchStatus> WAITING = EnumSet.of(BatchStatus.STARTING);
    private static final EnumSet<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTED, BatchStatus.STOPPING);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final NodeRegistry registry;
    private final PartitionClaims claims;
    private final Duration nodeTimeout;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, ScheduledFuture<?>> watching = new ConcurrentHashMap<>();

    /** @param interval how often it looks (the manager's poll interval) */
    public LostNodeMonitor(JobRepository jobRepository, JobOperator jobOperator, NodeRegistry registry, PartitionClaims claims,
                           Duration nodeTimeout, Duration interval) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.jobOperator = Objects.requireNonNull(jobOperator, "jobOperator must not be null");
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.claims = Objects.requireNonNull(claims, "claims must not be null");
        this.nodeTimeout = Objects.requireNonNull(nodeTimeout, "nodeTimeout must not be null");
        this.interval = Objects.requireNonNull(interval, "interval must not be null");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("edgebatch-node-monitor").factory());
    }

    @Override
    public void beforeStep(StepExecution managerStep) {
        long jobExecutionId = managerStep.getJobExecutionId();
        watching.put(managerStep.getId(), scheduler.scheduleWithFixedDelay(() -> watch(jobExecutionId), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public ExitStatus afterStep(StepExecution managerStep) {
        ScheduledFuture<?> watch = watching.remove(managerStep.getId());
        if (watch != null) {
            watch.cancel(false);
        }
        return managerStep.getExitStatus();
    }

    private void watch(long jobExecutionId) {
        try {
            List<String> failed = failPartitionsOfLostWorkers(jobExecutionId);
            if (!failed.isEmpty()) {
                stopJob(jobExecutionId, failed);
            }
        } catch (RuntimeException e) {
            log.warn("cannot check the nodes of execution {} now: {}", jobExecutionId, e.getMessage());
        }
    }

    /**
     * Fails every running or waiting partition of the execution whose worker is gone; returns the messages.
     * Also used by {@link DistributedRecovery} before a restart.
     */
    List<String> failPartitionsOfLostWorkers(long jobExecutionId) {
        JobExecution execution = jobRepository.getJobExecution(jobExecutionId);
        if (execution == null) {
            return List.of();
        }
        long now = registry.now();
        Map<String, NodeRecord> nodes = registry.nodes().stream().collect(Collectors.toMap(NodeRecord::nodeId, Function.identity()));
        Map<Long, PartitionClaims.Claim> claimed = claims.claimsOf(jobExecutionId);
        List<String> failed = new ArrayList<>();
        for (StepExecution partition : execution.getStepExecutions()) {
            if (!PartitionNames.isPartition(partition.getStepName()) || !partition.getStatus().isRunning()) {
                continue;
            }
            String nodeId = partition.getExecutionContext().getString(PlannedVideo.NODE, "");
            if (nodeId.isEmpty()) {
                // The splitter stores a partition's row before its context: between the two it names no node yet,
                // and is not lost (seen on a loaded machine, where this window lasted long enough to be watched).
                continue;
            }
            String why = goneWorker(partition, nodes.get(nodeId), nodeId, claimed.get(partition.getId()), now);
            if (why == null) {
                continue;
            }
            EnumSet<BatchStatus> from = partition.getStatus() == BatchStatus.STARTING ? WAITING : RUNNING;
            if (claims.fail(partition.getId(), from, why)) {
                log.error("partition {} failed: {}", partition.getStepName(), why);
                failed.add(why);
            }
        }
        return failed;
    }

    /** Why the partition's worker is gone, or null while it (or, for a waiting request, its node) is alive. */
    private String goneWorker(StepExecution partition, NodeRecord node, String nodeId, PartitionClaims.Claim claim, long now) {
        if (node == null) {
            return "node " + nodeId + " is not registered: no worker serves it";
        }
        if (partition.getStatus() != BatchStatus.STARTING && claim != null && !claim.worker().workerId().equals(node.workerId())) {
            return "node " + nodeId + ": the worker that ran this partition (host " + claim.worker().host() + ", pid "
                    + claim.worker().pid() + ") is gone; another worker (pid " + node.pid() + ") has held the node since "
                    + NodeRecord.ago(now - node.started());
        }
        if (NodeRecord.LEFT.equals(node.state())) {
            return "node " + nodeId + " left (its worker on host " + node.host() + ", pid " + node.pid() + ", stopped "
                    + NodeRecord.ago(now - node.lastSeen()) + ") before this partition ended";
        }
        if (!node.alive(now, nodeTimeout)) {
            return "node " + nodeId + " lost: no heart-beat for " + (now - node.lastSeen()) / 1000 + " s (timeout "
                    + nodeTimeout.toSeconds() + " s; last from host " + node.host() + ", pid " + node.pid() + ")";
        }
        return null;
    }

    private void stopJob(long jobExecutionId, List<String> failed) {
        JobExecution execution = jobRepository.getJobExecution(jobExecutionId);
        if (execution == null || !execution.getStatus().isRunning() || execution.isStopping()) {
            return;
        }
        try {
            jobOperator.stop(execution);
            log.error("execution {} stops: {}", jobExecutionId, failed.getFirst());
        } catch (Exception e) {
            log.warn("execution {} could not be asked to stop: {}", jobExecutionId, e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
