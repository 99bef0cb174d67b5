package org.edgebatch.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Set;
import java.util.UUID;
import org.edgebatch.autoconfigure.EdgeBatchStarterProperties;
import org.edgebatch.autoconfigure.NodeWorkerLifecycle;
import org.edgebatch.partition.EmbeddedNodeChannels;
import org.edgebatch.partition.MapNodeChannels;
import org.edgebatch.partition.NodeChannels;
import org.edgebatch.partition.NodeChannelsFactory;
import org.edgebatch.partition.PartitionWorker;
import org.edgebatch.partition.amqp.AmqpNodeChannelsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
    @ExtendWith(OutputCaptureExtension.class)
    void theBrokerPasswordIsNeverShown(CapturedOutput output) {
        // given: a manager whose broker is not there (nothing listens on port 1)
        String password = "never-shown-" + UUID.randomUUID();
        try (ConfigurableApplicationContext context = run(Application.class, "edgebatch.distributed.role=manager",
                "edgebatch.broker.url=amqp://edgebatch@127.0.0.1:1/", "edgebatch.broker.password=" + password)) {
            // when: a step opens its node channels
            Throwable failure = catchThrowable(() -> context.getBean(NodeChannelsFactory.class).open(Set.of("a"), 1));

            // then: it fails, and neither the failure nor the log shows the password
            assertThat(failure).isNotNull();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(password);
            }
            assertThat(context.getBean(EdgeBatchStarterProperties.class).getBroker().toString()).doesNotContain(password);
        }
        assertThat(output.getAll()).doesNotContain(password);
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
