package org.edgebatch.partition.amqp;

import java.util.Map;
import java.util.Objects;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;

/**
 * The broker objects of one job repository: a durable direct exchange for partition requests, one durable queue per
 * node bound to it by {@code <repository>.<node>}, and a dead-letter exchange and queue where a request no worker can
 * read ends up once (it is never requeued, so it cannot loop). Names carry the repository's id, so installations (or
 * test runs) sharing a broker never see each other's requests. Every process declares what it uses, with the same
 * arguments, so whichever starts first creates it; a request for a node that is down waits in the node's queue.
 */
public final class AmqpTopology {

    public static final String EXCHANGE = "edgebatch.partitions";
    public static final String DEAD_LETTER_EXCHANGE = "edgebatch.dead-letter";
    public static final String DEAD_LETTER_QUEUE = "edgebatch.dead-letter";

    /** A node queue nobody used for a day goes: a retired node's queue does not stay forever. */
    private static final long QUEUE_EXPIRY_MILLIS = 24L * 3600 * 1000;

    private final String repositoryId;

    public AmqpTopology(String repositoryId) {
        this.repositoryId = Objects.requireNonNull(repositoryId, "repositoryId must not be null");
    }

    /** The routing key of a node's requests. */
    public String routingKey(String nodeId) {
        return repositoryId + "." + nodeId;
    }

    /** The queue a node's worker takes its requests from. */
    public String queue(String nodeId) {
        return "edgebatch.node." + nodeId + "." + repositoryId;
    }

    /** Declares the exchanges, the dead-letter queue and the queue of each node (idempotent). */
    public void declare(AmqpAdmin admin, Iterable<String> nodeIds) {
        DirectExchange exchange = new DirectExchange(EXCHANGE, true, false);
        FanoutExchange deadLetters = new FanoutExchange(DEAD_LETTER_EXCHANGE, true, false);
        Queue deadLetterQueue = QueueBuilder.durable(DEAD_LETTER_QUEUE).build();
        admin.declareExchange(exchange);
        admin.declareExchange(deadLetters);
        admin.declareQueue(deadLetterQueue);
        admin.declareBinding(BindingBuilder.bind(deadLetterQueue).to(deadLetters));
        for (String nodeId : nodeIds) {
            Queue queue = QueueBuilder.durable(queue(nodeId))
                    .withArguments(Map.of("x-dead-letter-exchange", DEAD_LETTER_EXCHANGE, "x-expires", QUEUE_EXPIRY_MILLIS))
                    .build();
            admin.declareQueue(queue);
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(routingKey(nodeId));
            admin.declareBinding(binding);
        }
    }

    /** Deletes the queues of these nodes (a test's, or retired nodes'). */
    public void delete(AmqpAdmin admin, Iterable<String> nodeIds) {
        for (String nodeId : nodeIds) {
            admin.deleteQueue(queue(nodeId));
        }
    }
}
