package org.edgebatch.partition;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.edgebatch.job.PlannedVideo;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandler;

/**
 * Routes the manager's partition requests to their nodes. A request carries only its step execution's id; every
 * partition's execution and context are stored before the manager sends, so the router looks the partition up, reads
 * its {@code node}, sets the {@value NodeChannels#NODE_HEADER} (and job execution) header and sends it to that
 * node's channel.
 */
public final class NodeRouter implements MessageHandler {

    private final JobRepository jobRepository;
    private final Function<StepExecution, NodeChannels> channels;
    private final String nodeKey;

    /** @param channels the node channels of the step execution now running (they are opened when it starts) */
    public NodeRouter(JobRepository jobRepository, Supplier<NodeChannels> channels) {
        this(jobRepository, partition -> channels.get(), PlannedVideo.NODE);
        Objects.requireNonNull(channels, "channels must not be null");
    }

    /**
     * @param channels the node channels open for a partition (e.g. those of its job execution)
     * @param nodeKey  the key of the partition's node in its ExecutionContext
     */
    public NodeRouter(JobRepository jobRepository, Function<StepExecution, NodeChannels> channels, String nodeKey) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.channels = Objects.requireNonNull(channels, "channels must not be null");
        this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey must not be null");
    }

    @Override
    public void handleMessage(Message<?> message) {
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            throw new MessageDeliveryException(message, "the node router takes StepExecutionRequests, not "
                    + message.getPayload().getClass().getName());
        }
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            throw new MessageDeliveryException(message, "partition request " + request + ": no such step execution");
        }
        String node = partition.getExecutionContext().getString(nodeKey, null);
        if (node == null) {
            throw new MessageDeliveryException(message, "partition " + partition.getStepName() + " has no '"
                    + nodeKey + "' in its context, so it cannot be routed to a node");
        }
        NodeChannels current = channels.apply(partition);
        if (current == null) {
            throw new MessageDeliveryException(message, "no node channels are open for " + partition.getStepName());
        }
        Message<?> routed = MessageBuilder.fromMessage(message).setHeader(NodeChannels.NODE_HEADER, node)
                .setHeader(NodeChannels.JOB_EXECUTION_HEADER, partition.getJobExecutionId()).build();
        if (!current.channel(node).send(routed)) {
            throw new MessageDeliveryException(routed, "node '" + node + "' did not accept partition " + partition.getStepName());
        }
    }
}
