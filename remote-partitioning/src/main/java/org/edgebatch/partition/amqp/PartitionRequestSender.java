package org.edgebatch.partition.amqp;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.expression.FunctionExpression;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * Sends partition requests to nodes' queues through one Spring Integration AMQP outbound adapter: persistent, to the
 * node's routing key, waiting for the broker's publisher confirm and failing on a return (no queue took it). A send
 * that fails while the broker is away is retried with backoff for up to {@code sendTimeout}.
 */
public final class PartitionRequestSender {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestSender.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(15);
    private static final String ROUTING_KEY_HEADER = "edgebatch_routing_key";

    private final AmqpOutboundEndpoint endpoint;
    private final AmqpTopology topology;
    private final PartitionRequestCodec codec;
    private final RetryTemplate retry;

    /**
     * @param template    a template on a connection factory with correlated publisher confirms and returns, used by
     *                    this sender alone (a template takes one confirm callback)
     * @param beanFactory the application's, for Spring Integration's expression evaluation
     */
    public PartitionRequestSender(RabbitTemplate template, AmqpTopology topology, PartitionRequestCodec codec,
                                  Duration sendTimeout, BeanFactory beanFactory) {
        this.topology = Objects.requireNonNull(topology, "topology must not be null");
        this.codec = Objects.requireNonNull(codec, "codec must not be null");
        endpoint = new AmqpOutboundEndpoint(template);
        endpoint.setExchangeName(AmqpTopology.EXCHANGE);
        // Plain functions rather than SpEL: nothing to parse, and no evaluation context needed from the application.
        endpoint.setRoutingKeyExpression(new FunctionExpression<Message<?>>(message -> message.getHeaders().get(ROUTING_KEY_HEADER)));
        endpoint.setConfirmCorrelationExpression(new FunctionExpression<Message<?>>(message -> message.getHeaders().getId()));
        endpoint.setWaitForConfirm(true);
        endpoint.setConfirmTimeout(CONFIRM_TIMEOUT.toMillis());
        endpoint.setDefaultDeliveryMode(MessageDeliveryMode.PERSISTENT);
        endpoint.setBeanName("partition-requests");
        endpoint.setBeanFactory(beanFactory);
        endpoint.afterPropertiesSet();
        retry = new RetryTemplate(RetryPolicy.builder()
                .timeout(sendTimeout).delay(Duration.ofMillis(500)).multiplier(2).maxDelay(Duration.ofSeconds(5)).build());
    }

    /**
     * Sends one request to a node's queue.
     *
     * @throws BrokerSendException when the broker did not confirm it within the send timeout
     */
    public void send(String nodeId, StepExecutionRequest request, long jobExecutionId) {
        Message<byte[]> wire = MessageBuilder.withPayload(codec.encode(request, jobExecutionId))
                .setHeader("contentType", PartitionRequestCodec.CONTENT_TYPE)
                .setHeader(ROUTING_KEY_HEADER, topology.routingKey(nodeId))
                .build();
        try {
            retry.execute(() -> {
                try {
                    endpoint.handleMessage(wire);
                    return null;
                } catch (RuntimeException e) {
                    log.warn("partition request {} for node {} not sent yet: {}", request.getStepExecutionId(), nodeId, e.getMessage());
                    throw e;
                }
            });
        } catch (RetryException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BrokerSendException("the broker did not take the partition request for node " + nodeId + ": "
                    + cause.getMessage(), cause);
        }
    }

    /** A request the broker did not confirm in time. */
    public static final class BrokerSendException extends RuntimeException {
        BrokerSendException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
