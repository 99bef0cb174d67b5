package org.edgebatch.partition.amqp;

import java.util.Objects;
import java.util.Set;
import org.edgebatch.partition.MapNodeChannels;
import org.edgebatch.partition.NodeChannels;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.channel.FixedSubscriberChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;

/**
 * The manager's sending side in distributed mode: one channel per node of a step, each handing its requests to the
 * {@link PartitionRequestSender} with the node's id, so they reach the node's queue.
 */
public final class AmqpNodeChannels extends MapNodeChannels {

    public AmqpNodeChannels(Set<String> nodeIds, PartitionRequestSender sender) {
        Objects.requireNonNull(sender, "sender must not be null");
        for (String nodeId : nodeIds) {
            put(nodeId, new FixedSubscriberChannel(message -> send(nodeId, message, sender)));
        }
    }

    private static void send(String nodeId, Message<?> message, PartitionRequestSender sender) {
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            throw new MessageDeliveryException(message, "node channels take StepExecutionRequests");
        }
        Long jobExecutionId = message.getHeaders().get(NodeChannels.JOB_EXECUTION_HEADER, Long.class);
        try {
            sender.send(nodeId, request, jobExecutionId == null ? -1 : jobExecutionId);
        } catch (PartitionRequestSender.BrokerSendException e) {
            throw new MessageDeliveryException(message, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // The sender and its connection are the application's; the channels hold nothing of their own.
    }
}
