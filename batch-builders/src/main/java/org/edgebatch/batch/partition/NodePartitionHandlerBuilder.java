package org.edgebatch.batch.partition;

import java.time.Duration;
import org.edgebatch.partition.NodeChannelsFactory;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.util.Assert;

/**
 * Builds the partition handler of an application's own partitioned step whose partitions are placed by node (a
 * {@link VideoFilePartitioner}): each partition runs on a worker of its node, through the node channels the starter
 * configures ({@code edgebatch.distributed.role}: in this process when embedded, over RabbitMQ to the worker processes
 * of the nodes in the manager role; how many partitions a node runs at once is the node channels' affair, the
 * starter's {@code edgebatch.distributed.concurrency}). The manager polls the job repository, with a timeout.
 *
 * <pre>{@code
 * Step detect = new StepBuilder("detect", jobRepository).partitioner("frames", videos)
 *         .partitionHandler(new NodePartitionHandlerBuilder().jobRepository(jobRepository)
 *                 .nodeChannels(nodeChannels).workerStep("frames").build())
 *         .build();
 * }</pre>
 */
public final class NodePartitionHandlerBuilder {

    /** How often the manager looks at its partitions unless told otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    /** The longest the manager waits for its partitions unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

    private JobRepository jobRepository;
    private NodeChannelsFactory nodeChannels;
    private String workerStep;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration timeout = DEFAULT_TIMEOUT;
    private String nodeKey = VideoPartitionKeys.NODE;

    /** The job repository the manager and the workers share. */
    public NodePartitionHandlerBuilder jobRepository(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
        return this;
    }

    /** The node channels (the starter's {@code NodeChannelsFactory} bean). */
    public NodePartitionHandlerBuilder nodeChannels(NodeChannelsFactory nodeChannels) {
        this.nodeChannels = nodeChannels;
        return this;
    }

    /** The worker step's name, as given to {@code partitioner(name, ...)}; workers run their step of that name. */
    public NodePartitionHandlerBuilder workerStep(String workerStep) {
        this.workerStep = workerStep;
        return this;
    }

    /** How often the manager polls the job repository for its partitions (default 500 ms). */
    public NodePartitionHandlerBuilder pollInterval(Duration pollInterval) {
        Assert.isTrue(pollInterval != null && pollInterval.isPositive(), "pollInterval must be positive");
        this.pollInterval = pollInterval;
        return this;
    }

    /** The longest the manager waits for its partitions; the step fails after it (default 24 h). */
    public NodePartitionHandlerBuilder timeout(Duration timeout) {
        Assert.isTrue(timeout != null && timeout.isPositive(), "timeout must be positive");
        this.timeout = timeout;
        return this;
    }

    /** The key of a partition's node in its ExecutionContext (default {@link VideoPartitionKeys#NODE}). */
    public NodePartitionHandlerBuilder nodeKey(String nodeKey) {
        Assert.hasText(nodeKey, "nodeKey must not be blank");
        this.nodeKey = nodeKey;
        return this;
    }

    /** The partition handler. */
    public PartitionHandler build() {
        Assert.notNull(jobRepository, "jobRepository must not be null");
        Assert.notNull(nodeChannels, "nodeChannels must not be null");
        Assert.hasText(workerStep, "workerStep must not be blank");
        NodePartitionHandler handler = new NodePartitionHandler(jobRepository, nodeChannels, nodeKey);
        handler.setStepName(workerStep);
        handler.setPollInterval(pollInterval.toMillis());
        handler.setTimeout(timeout.toMillis());
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("the partition handler cannot be made: " + e.getMessage(), e);
        }
        return handler;
    }
}
