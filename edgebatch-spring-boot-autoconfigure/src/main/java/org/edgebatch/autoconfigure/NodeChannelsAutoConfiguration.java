package org.edgebatch.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.edgebatch.batch.partition.VideoPartitionKeys;
import org.edgebatch.credentials.Credentials;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.WorkerStepFactory;
import org.edgebatch.job.WorkerSteps;
import org.edgebatch.partition.EmbeddedNodeChannels;
import org.edgebatch.partition.NodeChannelsFactory;
import org.edgebatch.partition.PartitionRefusedException;
import org.edgebatch.partition.PartitionWorker;
import org.edgebatch.partition.amqp.AmqpNodeChannelsFactory;
import org.edgebatch.partition.amqp.AmqpPartitionListener;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.edgebatch.partition.amqp.BrokerSettings;
import org.edgebatch.partition.amqp.PartitionRequestCodec;
import org.edgebatch.partition.amqp.PartitionRequestSender;
import org.edgebatch.repository.RepositorySchema;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The node channels of partitioned steps whose partitions are placed by node ({@code NodePartitionHandlerBuilder}),
 * by {@code edgebatch.distributed.role}: embedded, a {@link NodeChannelsFactory} whose nodes are executors of this
 * process running the application's own worker steps; manager, one that sends each request to its node's queue on the
 * broker (remote-partitioning's topology, codec and sender); worker, a listener that takes the requests of
 * {@code edgebatch.distributed.node-id} from its queue and runs the application's worker step they name. Workers
 * claim each partition in the job repository (EB_PARTITION_CLAIM), so one delivered twice runs once. Needs
 * EdgeBatch's tables; every bean backs off for the application's own.
 */
@AutoConfiguration(after = EdgeBatchAutoConfiguration.class)
@ConditionalOnBean(RepositorySchema.class)
public class NodeChannelsAutoConfiguration {

    /** Claims in transactions of their own on the tables' DataSource (an application may have several managers). */
    @Bean
    @ConditionalOnMissingBean
    PartitionClaims edgeBatchPartitionClaims(DataSource dataSource) {
        return new PartitionClaims(new JdbcTemplate(dataSource), new JdbcTransactionManager(dataSource));
    }

    /**
     * The application's steps, found by name when a partition names one. Lazy: a manager step depends on the node
     * channels, and the channels' worker on every step.
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    WorkerSteps edgeBatchWorkerSteps(ObjectProvider<Step> steps) {
        return new WorkerSteps(steps.orderedStream().<WorkerStepFactory>map(StepBean::new).toList());
    }

    /** Embedded: every node's partitions run here, {@code edgebatch.distributed.concurrency} at once per node. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "edgebatch.distributed", name = "role", havingValue = "embedded", matchIfMissing = true)
    static class EmbeddedConfiguration {

        @Bean
        @Lazy
        @ConditionalOnMissingBean
        PartitionWorker edgeBatchPartitionWorker(JobRepository jobRepository, WorkerSteps workerSteps, PartitionClaims claims) {
            String workerId = UUID.randomUUID().toString();
            return new PartitionWorker(jobRepository, workerSteps, claims, partition -> {
            }, node -> new PartitionClaims.Worker(node, workerId, host(), ProcessHandle.current().pid()),
                    VideoPartitionKeys.NODE);
        }

        @Bean
        @ConditionalOnMissingBean
        NodeChannelsFactory edgeBatchNodeChannels(ObjectProvider<PartitionWorker> worker, EdgeBatchStarterProperties properties) {
            int concurrency = concurrency(properties);
            return (nodeIds, requested) -> new EmbeddedNodeChannels(nodeIds, concurrency, worker.getObject());
        }
    }

    /** Manager or worker: the broker, and the topology and codec of this job repository. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(BrokerRoles.class)
    static class BrokerConfiguration {

        @Bean(destroyMethod = "destroy")
        @ConditionalOnMissingBean(name = "edgeBatchBrokerConnectionFactory")
        CachingConnectionFactory edgeBatchBrokerConnectionFactory(EdgeBatchStarterProperties properties) {
            BrokerProperties broker = properties.getBroker();
            if (broker.getUrl() == null || broker.getUrl().isBlank()) {
                throw new IllegalArgumentException("edgebatch.broker.url must be set in the manager and worker roles");
            }
            BrokerSettings settings = BrokerSettings.parse(broker.getUrl(),
                    Credentials.ofProcess(Path.of(System.getProperty("user.home"), ".edgebatch")));
            if (broker.getPassword() != null) {
                settings = new BrokerSettings(settings.url(), settings.host(), settings.port(), settings.virtualHost(),
                        settings.user(), broker.getPassword(), settings.tls());
            }
            return settings.connectionFactory();
        }

        @Bean
        @ConditionalOnMissingBean
        AmqpTopology edgeBatchAmqpTopology(RepositorySchema schema) {
            return new AmqpTopology(schema.repositoryId());
        }

        @Bean
        @ConditionalOnMissingBean
        PartitionRequestCodec edgeBatchPartitionRequestCodec(RepositorySchema schema) {
            return new PartitionRequestCodec(schema.repositoryId());
        }
    }

    /** Manager: each request goes to its node's queue (declared first, so it waits there for a worker not yet up). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "edgebatch.distributed", name = "role", havingValue = "manager")
    static class ManagerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        PartitionRequestSender edgeBatchPartitionRequestSender(CachingConnectionFactory edgeBatchBrokerConnectionFactory,
                                                               AmqpTopology topology, PartitionRequestCodec codec,
                                                               EdgeBatchStarterProperties properties, BeanFactory beanFactory) {
            // The sender's own template: a template takes one confirm callback.
            RabbitTemplate template = new RabbitTemplate(edgeBatchBrokerConnectionFactory);
            template.setMandatory(true);
            return new PartitionRequestSender(template, topology, codec, properties.getBroker().getSendTimeout(), beanFactory);
        }

        @Bean
        @ConditionalOnMissingBean
        NodeChannelsFactory edgeBatchNodeChannels(PartitionRequestSender sender, CachingConnectionFactory edgeBatchBrokerConnectionFactory,
                                                  AmqpTopology topology) {
            return new AmqpNodeChannelsFactory(sender, admin(edgeBatchBrokerConnectionFactory), topology);
        }
    }

    /** Worker: takes the requests of its node from the node's queue and runs them here. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "edgebatch.distributed", name = "role", havingValue = "worker")
    static class WorkerConfiguration {

        private static final java.time.Duration IDLE_POLL = java.time.Duration.ofMillis(250);

        @Bean
        @Lazy
        @ConditionalOnMissingBean
        PartitionWorker edgeBatchPartitionWorker(JobRepository jobRepository, WorkerSteps workerSteps, PartitionClaims claims,
                                                 EdgeBatchStarterProperties properties) {
            String nodeId = nodeId(properties);
            PartitionClaims.Worker self = new PartitionClaims.Worker(nodeId, UUID.randomUUID().toString(), host(),
                    ProcessHandle.current().pid());
            return new PartitionWorker(jobRepository, workerSteps, claims, partition -> {
            }, node -> {
                if (!node.equals(nodeId)) {
                    throw new PartitionRefusedException("a request for node '" + node + "' reached the worker of node '"
                            + nodeId + "'");
                }
                return self;
            }, VideoPartitionKeys.NODE);
        }

        @Bean
        @ConditionalOnMissingBean
        NodeWorkerLifecycle edgeBatchNodeWorker(CachingConnectionFactory edgeBatchBrokerConnectionFactory, AmqpTopology topology,
                                                PartitionRequestCodec codec, ObjectProvider<PartitionWorker> worker,
                                                EdgeBatchStarterProperties properties, BeanFactory beanFactory) {
            String nodeId = nodeId(properties);
            PartitionWorker partitionWorker = worker.getObject();
            AmqpPartitionListener listener = new AmqpPartitionListener(edgeBatchBrokerConnectionFactory, topology.queue(nodeId),
                    codec, partitionWorker, IDLE_POLL, beanFactory);
            return new NodeWorkerLifecycle(nodeId, concurrency(properties), topology, admin(edgeBatchBrokerConnectionFactory),
                    listener, partitionWorker);
        }

        private static String nodeId(EdgeBatchStarterProperties properties) {
            String nodeId = properties.getDistributed().getNodeId();
            if (nodeId == null || !nodeId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
                throw new IllegalArgumentException("edgebatch.distributed.node-id must be 1..63 letters, digits, '.', '_'"
                        + " or '-' in the worker role, was " + (nodeId == null ? "not set" : "'" + nodeId + "'"));
            }
            return nodeId;
        }
    }

    /** The manager and worker roles. */
    static final class BrokerRoles extends AnyNestedCondition {

        BrokerRoles() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "edgebatch.distributed", name = "role", havingValue = "manager")
        static class Manager {
        }

        @ConditionalOnProperty(prefix = "edgebatch.distributed", name = "role", havingValue = "worker")
        static class Worker {
        }
    }

    /** An application's step as a worker step: every partition of it runs the step bean itself. */
    private record StepBean(Step step) implements WorkerStepFactory {
        @Override
        public String stepName() {
            return step.getName();
        }

        @Override
        public Step create(StepExecution partition) {
            return step;
        }
    }

    private static RabbitAdmin admin(CachingConnectionFactory connectionFactory) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        // Declares only what EdgeBatch asks it to, never the application's own Queue beans.
        admin.setAutoStartup(false);
        return admin;
    }

    private static int concurrency(EdgeBatchStarterProperties properties) {
        int concurrency = properties.getDistributed().getConcurrency();
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("edgebatch.distributed.concurrency must be 1..256, was " + concurrency);
        }
        return concurrency;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
