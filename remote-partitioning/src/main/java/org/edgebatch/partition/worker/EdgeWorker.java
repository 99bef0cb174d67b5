package org.edgebatch.partition.worker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.edgebatch.job.NodeDetectors;
import org.edgebatch.job.VideoInferenceJobFactory;
import org.edgebatch.partition.PartitionWorker;
import org.edgebatch.partition.amqp.AmqpPartitionListener;
import org.edgebatch.partition.registry.NodeFile;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.partition.registry.WorkerRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * One node's worker process, from start to stop: takes the node id in the registry (refused while another live worker
 * holds it), publishes the node's inventory and keeps it current, heart-beats, takes partition requests from the
 * node's queue, and closes the model sessions of executions whose detect step has ended. {@link #stop} takes no more
 * requests, stops running partitions after their current chunk (STOPPED, restartable) and leaves the registry.
 */
public final class EdgeWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EdgeWorker.class);
    private static final Duration DETECTOR_SWEEP = Duration.ofSeconds(10);

    private final WorkerRegistration registration;
    private final int concurrency;
    private final NodeRegistry registry;
    private final NodeInventoryScanner scanner;
    private final AmqpPartitionListener listener;
    private final PartitionWorker partitionWorker;
    private final NodeDetectors detectors;
    private final JobRepository jobRepository;
    private final WorkerTimings timings;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile List<NodeFile> published = List.of();
    private volatile String endReason = "";

    /** How often a worker beats and rescans, and when it counts as lost. */
    public record WorkerTimings(Duration heartbeat, Duration inventory, Duration nodeTimeout) {
    }

    public EdgeWorker(WorkerRegistration registration, int concurrency, NodeRegistry registry, NodeInventoryScanner scanner,
                      AmqpPartitionListener listener, PartitionWorker partitionWorker, NodeDetectors detectors,
                      JobRepository jobRepository, WorkerTimings timings) {
        this.registration = Objects.requireNonNull(registration, "registration must not be null");
        this.concurrency = concurrency;
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.scanner = Objects.requireNonNull(scanner, "scanner must not be null");
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        this.partitionWorker = Objects.requireNonNull(partitionWorker, "partitionWorker must not be null");
        this.detectors = Objects.requireNonNull(detectors, "detectors must not be null");
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.timings = Objects.requireNonNull(timings, "timings must not be null");
        this.scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("edgebatch-worker-", 1).factory());
    }

    /**
     * Registers, publishes the first inventory and starts taking requests.
     *
     * @throws org.edgebatch.partition.registry.NodeTakenException when a live worker holds the node id
     */
    public void start() {
        registry.register(registration, timings.nodeTimeout());
        publishInventory();
        scheduler.scheduleWithFixedDelay(this::beat, timings.heartbeat().toMillis(), timings.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::publishInventory, timings.inventory().toMillis(), timings.inventory().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::releaseIdleDetectors, DETECTOR_SWEEP.toMillis(), DETECTOR_SWEEP.toMillis(),
                TimeUnit.MILLISECONDS);
        listener.start(concurrency);
    }

    /** The files the worker last published. */
    public List<NodeFile> inventory() {
        return published;
    }

    private void beat() {
        try {
            if (!registry.beat(registration.nodeId(), registration.workerId())) {
                endReason = "another worker took node id " + registration.nodeId() + " over while this one was silent";
                log.error("{}; this worker stops", endReason);
                ended.countDown();
            }
        } catch (RuntimeException e) {
            log.warn("heart-beat not written: {}", e.getMessage());
        }
    }

    private void publishInventory() {
        try {
            List<NodeFile> files = scanner.scan();
            if (files.equals(published) && !published.isEmpty()) {
                return;
            }
            if (registry.publishInventory(registration.nodeId(), registration.workerId(), files)) {
                published = files;
                log.info("node {}: {} video file(s) published", registration.nodeId(), files.size());
            }
        } catch (RuntimeException e) {
            log.warn("inventory not published: {}", e.getMessage());
        }
    }

    /** Closes the model session of every execution whose detect step has ended (no detect partition can come). */
    private void releaseIdleDetectors() {
        for (long executionId : detectors.executions()) {
            try {
                JobExecution execution = jobRepository.getJobExecution(executionId);
                boolean detectEnded = execution == null || !execution.getStatus().isRunning()
                        || execution.getStepExecutions().stream()
                        .filter(step -> step.getStepName().equals(VideoInferenceJobFactory.DETECT_STEP))
                        .map(StepExecution::getStatus).anyMatch(status -> !status.isRunning());
                if (detectEnded) {
                    detectors.release(executionId);
                }
            } catch (RuntimeException e) {
                log.debug("cannot tell whether execution {} still detects: {}", executionId, e.getMessage());
            }
        }
    }

    /** Blocks until the worker must end on its own (another worker took its node id), returning why. */
    public String awaitEnd() throws InterruptedException {
        ended.await();
        return endReason;
    }

    /**
     * Takes no more requests, asks running partitions to stop after their current chunk, waits for them up to
     * {@code grace}, and leaves the registry.
     */
    public void stop(Duration grace) {
        listener.stopTaking();
        partitionWorker.stopRunning();
        try {
            if (!listener.awaitEnd(grace)) {
                log.warn("partitions still running after {}; leaving anyway", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
        try {
            registry.deregister(registration.nodeId(), registration.workerId());
        } catch (RuntimeException e) {
            log.warn("node {} not marked as left: {}", registration.nodeId(), e.getMessage());
        }
        ended.countDown();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(60));
    }
}
