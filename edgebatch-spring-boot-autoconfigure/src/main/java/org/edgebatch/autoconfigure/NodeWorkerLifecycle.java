package org.edgebatch.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.edgebatch.partition.PartitionWorker;
import org.edgebatch.partition.amqp.AmqpPartitionListener;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.SmartLifecycle;

/**
 * The worker role's listening side while the application runs: declares the node's queue, takes requests from it once
 * the context has started, and on close takes no more, asks running partitions to stop after their chunk (STOPPED,
 * restartable) and waits for them up to the grace period.
 */
public final class NodeWorkerLifecycle implements SmartLifecycle {

    private static final Duration GRACE = Duration.ofSeconds(60);

    private final String nodeId;
    private final int concurrency;
    private final AmqpTopology topology;
    private final AmqpAdmin admin;
    private final AmqpPartitionListener listener;
    private final PartitionWorker worker;
    private volatile boolean running;

    public NodeWorkerLifecycle(String nodeId, int concurrency, AmqpTopology topology, AmqpAdmin admin,
                               AmqpPartitionListener listener, PartitionWorker worker) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId must not be null");
        this.concurrency = concurrency;
        this.topology = Objects.requireNonNull(topology, "topology must not be null");
        this.admin = Objects.requireNonNull(admin, "admin must not be null");
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        this.worker = Objects.requireNonNull(worker, "worker must not be null");
    }

    /** The node whose queue this worker takes requests from. */
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void start() {
        topology.declare(admin, List.of(nodeId));
        listener.start(concurrency);
        running = true;
    }

    @Override
    public void stop() {
        listener.stopTaking();
        worker.stopRunning();
        try {
            listener.awaitEnd(GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
