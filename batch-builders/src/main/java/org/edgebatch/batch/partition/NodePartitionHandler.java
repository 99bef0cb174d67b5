package org.edgebatch.batch.partition;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.edgebatch.partition.NodeChannels;
import org.edgebatch.partition.NodeChannelsFactory;
import org.edgebatch.partition.NodeRouter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Spring Batch Integration's {@link MessageChannelPartitionHandler}, polling the job repository, whose requests go to
 * the node each partition names ({@link VideoPartitionKeys#NODE}): for each run of the manager step it opens the node
 * channels of the partitions' nodes (in-JVM executors embedded, a RabbitMQ queue per node distributed), a
 * {@link NodeRouter} sends every request to its node's channel, and the channels close when the partitions have ended.
 * Made by {@link NodePartitionHandlerBuilder}.
 */
public final class NodePartitionHandler extends MessageChannelPartitionHandler {

    /** What the handler asks the channels for; the starter's channels run as many as its own setting says. */
    private static final int CONCURRENCY = 1;

    private final NodeChannelsFactory channelsFactory;
    private final String nodeKey;
    /** The channels open for each running manager step, by job execution id. */
    private final Map<Long, NodeChannels> open = new ConcurrentHashMap<>();

    NodePartitionHandler(JobRepository jobRepository, NodeChannelsFactory channelsFactory, String nodeKey) {
        this.channelsFactory = channelsFactory;
        this.nodeKey = nodeKey;
        DirectChannel requests = new DirectChannel();
        requests.subscribe(new NodeRouter(jobRepository, partition -> open.get(partition.getJobExecutionId()), nodeKey));
        MessagingTemplate messaging = new MessagingTemplate();
        messaging.setDefaultChannel(requests);
        setMessagingOperations(messaging);
        setJobRepository(jobRepository);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions) throws Exception {
        Set<String> nodeIds = new TreeSet<>();
        for (StepExecution partition : partitions) {
            String node = partition.getExecutionContext().getString(nodeKey, null);
            if (node == null) {
                throw new IllegalStateException("partition " + partition.getStepName() + " has no '" + nodeKey
                        + "' in its context: use a partitioner that places partitions by node (LocalityPartitionerBuilder)");
            }
            nodeIds.add(node);
        }
        long jobExecutionId = managerStepExecution.getJobExecutionId();
        NodeChannels channels = channelsFactory.open(nodeIds, CONCURRENCY);
        open.put(jobExecutionId, channels);
        try {
            return super.doHandle(managerStepExecution, partitions);
        } finally {
            open.remove(jobExecutionId);
            channels.close();
        }
    }
}
