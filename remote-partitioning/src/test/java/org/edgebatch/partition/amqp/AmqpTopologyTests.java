package org.edgebatch.partition.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;

class AmqpTopologyTests {

    private final AmqpTopology topology = new AmqpTopology("repo-1");

    @Test
    void namesCarryTheRepositoryAndTheNode() {
        assertThat(topology.routingKey("node-a")).isEqualTo("repo-1.node-a");
        assertThat(topology.queue("node-a")).isEqualTo("edgebatch.node.node-a.repo-1");
        assertThat(new AmqpTopology("repo-2").queue("node-a")).isNotEqualTo(topology.queue("node-a"));
    }

    @Test
    void declaresDurableExchangesADeadLetterQueueAndOneQueuePerNode() {
        // given
        AmqpAdmin admin = mock(AmqpAdmin.class);

        // when
        topology.declare(admin, List.of("node-a", "node-b"));

        // then
        ArgumentCaptor<Exchange> exchanges = ArgumentCaptor.forClass(Exchange.class);
        ArgumentCaptor<Queue> queues = ArgumentCaptor.forClass(Queue.class);
        ArgumentCaptor<Binding> bindings = ArgumentCaptor.forClass(Binding.class);
        verify(admin, atLeastOnce()).declareExchange(exchanges.capture());
        verify(admin, atLeastOnce()).declareQueue(queues.capture());
        verify(admin, atLeastOnce()).declareBinding(bindings.capture());
        assertThat(exchanges.getAllValues()).extracting(Exchange::getName, Exchange::getType, Exchange::isDurable)
                .containsExactly(tuple(AmqpTopology.EXCHANGE, "direct", true),
                        tuple(AmqpTopology.DEAD_LETTER_EXCHANGE, "fanout", true));
        assertThat(queues.getAllValues()).extracting(Queue::getName)
                .containsExactly(AmqpTopology.DEAD_LETTER_QUEUE, "edgebatch.node.node-a.repo-1", "edgebatch.node.node-b.repo-1");
        assertThat(queues.getAllValues()).allSatisfy(queue -> assertThat(queue.isDurable()).isTrue());
        assertThat(queues.getAllValues().get(1).getArguments())
                .containsEntry("x-dead-letter-exchange", AmqpTopology.DEAD_LETTER_EXCHANGE)
                .containsEntry("x-expires", 24L * 3600 * 1000);
        assertThat(bindings.getAllValues()).extracting(Binding::getDestination, Binding::getExchange, Binding::getRoutingKey)
                .contains(tuple("edgebatch.node.node-a.repo-1", AmqpTopology.EXCHANGE, "repo-1.node-a"),
                        tuple("edgebatch.node.node-b.repo-1", AmqpTopology.EXCHANGE, "repo-1.node-b"));
        assertThat(bindings.getAllValues()).extracting(Binding::getDestination, Binding::getExchange)
                .contains(tuple(AmqpTopology.DEAD_LETTER_QUEUE, AmqpTopology.DEAD_LETTER_EXCHANGE));
    }

    @Test
    void deletesTheQueuesOfTheNodesNamed() {
        // given
        AmqpAdmin admin = mock(AmqpAdmin.class);

        // when
        topology.delete(admin, List.of("node-a"));

        // then
        verify(admin).deleteQueue("edgebatch.node.node-a.repo-1");
        verifyNoMoreInteractions(admin);
    }
}
