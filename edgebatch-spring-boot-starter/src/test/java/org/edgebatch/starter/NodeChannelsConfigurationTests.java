package org.edgebatch.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.edgebatch.autoconfigure.NodeWorkerLifecycle;
import org.edgebatch.partition.EmbeddedNodeChannels;
import org.edgebatch.partition.MapNodeChannels;
import org.edgebatch.partition.NodeChannels;
import org.edgebatch.partition.NodeChannelsFactory;
import org.edgebatch.partition.PartitionWorker;
import org.edgebatch.partition.amqp.AmqpNodeChannelsFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Which node channels each {@code edgebatch.distributed.role} gives, and that an application's own win. */
class NodeChannelsConfigurationTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class OwnChannelsApplication {
        static final NodeChannelsFactory OWN = (nodeIds, concurrency) -> new MapNodeChannels() {
            @Override
            public void close() {
            }
        };

        @Bean
        NodeChannelsFactory nodeChannels() {
            return OWN;
        }
    }

    @Test
    void embeddedByDefaultRunsEachNodeOnThreadsOfThisProcess() {
        try (ConfigurableApplicationContext context = run(Application.class)) {
            try (NodeChannels channels = context.getBean(NodeChannelsFactory.class).open(Set.of("a", "b"), 1)) {
                assertThat(channels).isInstanceOf(EmbeddedNodeChannels.class);
                assertThat(channels.nodeIds()).containsExactly("a", "b");
            }
        }
    }

    @Test
    void theManagerSendsOverTheBrokerAndRunsNoPartitionItself() {
        try (ConfigurableApplicationContext context = run(Application.class, "edgebatch.distributed.role=manager")) {
            assertThat(context.getBean(NodeChannelsFactory.class)).isInstanceOf(AmqpNodeChannelsFactory.class);
            assertThat(context.getBeansOfType(PartitionWorker.class)).isEmpty();
            assertThat(context.getBeansOfType(NodeWorkerLifecycle.class)).isEmpty();
        }
    }

    @Test
    void anApplicationsOwnNodeChannelsWin() {
        try (ConfigurableApplicationContext context = run(OwnChannelsApplication.class, "edgebatch.distributed.role=manager")) {
            assertThat(context.getBean(NodeChannelsFactory.class)).isSameAs(OwnChannelsApplication.OWN);
        }
    }

    @Test
    void aWorkerWithoutANodeIdIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> run(Application.class, "edgebatch.distributed.role=worker").close())
                .rootCause().hasMessageContaining("edgebatch.distributed.node-id");
    }

    private static ConfigurableApplicationContext run(Class<?> application, String... properties) {
        return new SpringApplicationBuilder(application).properties("spring.batch.job.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:channels-" + UUID.randomUUID()).properties(properties).run();
    }
}
