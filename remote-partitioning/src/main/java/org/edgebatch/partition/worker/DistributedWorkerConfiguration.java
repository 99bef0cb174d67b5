package org.edgebatch.partition.worker;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.edgebatch.job.EdgeBatchProperties;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.NodeDetectors;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.PartitionFiles;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.job.WorkerSteps;
import org.edgebatch.node.AllowList;
import org.edgebatch.partition.PartitionRefusedException;
import org.edgebatch.partition.PartitionWorker;
import org.edgebatch.partition.amqp.AmqpPartitionListener;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.edgebatch.partition.amqp.PartitionRequestCodec;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.partition.registry.NodeRegistryConfiguration;
import org.edgebatch.partition.registry.WorkerRegistration;
import org.edgebatch.repository.RepositorySchema;
import org.edgebatch.spec.FileNameGlobs;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Distributed mode, a worker's side: the node a {@link WorkerSettings} bean describes, taking partition requests from
 * its queue on the broker a {@link org.edgebatch.partition.amqp.BrokerSettings} bean names, running them with the same worker steps as embedded
 * mode, on the job repository the manager uses.
 */
@Configuration(proxyBeanMethods = false)
@Import(NodeRegistryConfiguration.class)
public class DistributedWorkerConfiguration {

    private static final Duration IDLE_POLL = Duration.ofMillis(250);

    @Bean
    AllowList workerAllowList(WorkerSettings settings) {
        return AllowList.of(settings.allowList());
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, WorkerSteps workerSteps, PartitionClaims claims,
                                    JobSpecStore specs, WorkerSettings settings, AllowList workerAllowList,
                                    WorkerRegistration registration, DataSource dataSource) {
        PartitionClaims.Worker self = new PartitionClaims.Worker(settings.nodeId(), registration.workerId(),
                registration.host(), registration.pid());
        return new PartitionWorker(jobRepository, workerSteps, claims,
                new WorkerPartitionGuard(settings.nodeId(), workerAllowList, specs,
                        new PartitionFiles(new JdbcTemplate(dataSource))),
                node -> {
                    if (!node.equals(settings.nodeId())) {
                        throw new PartitionRefusedException("a request for node '" + node + "' reached the worker of node '"
                                + settings.nodeId() + "'");
                    }
                    return self;
                });
    }

    @Bean
    WorkerRegistration workerRegistration(WorkerSettings settings, AllowList workerAllowList, ProcessHeartbeat heartbeat,
                                          EdgeBatchProperties properties) {
        List<java.nio.file.Path> realRoots = workerAllowList.roots().stream()
                .map(root -> java.nio.file.Files.exists(root) ? AllowList.realPath(root) : root).toList();
        int threads = properties.nodeThreads() > 0 ? properties.nodeThreads() : Runtime.getRuntime().availableProcessors();
        return new WorkerRegistration(settings.nodeId(), UUID.randomUUID().toString(), heartbeat.host(), heartbeat.pid(),
                settings.version(), settings.labels(), realRoots, threads, settings.concurrency());
    }

    @Bean(destroyMethod = "close")
    EdgeWorker edgeWorker(WorkerRegistration registration, WorkerSettings settings, NodeRegistry registry,
                          AllowList workerAllowList, CachingConnectionFactory brokerConnectionFactory, AmqpTopology topology,
                          RepositorySchema schema, PartitionWorker partitionWorker, NodeDetectors detectors,
                          JobRepository jobRepository, EdgeBatchProperties properties, BeanFactory beanFactory) {
        RabbitAdmin admin = new RabbitAdmin(brokerConnectionFactory);
        admin.setAutoStartup(false);
        topology.declare(admin, List.of(settings.nodeId()));
        AmqpPartitionListener listener = new AmqpPartitionListener(brokerConnectionFactory, topology.queue(settings.nodeId()),
                new PartitionRequestCodec(schema.repositoryId()), partitionWorker, IDLE_POLL, beanFactory);
        NodeInventoryScanner scanner = new NodeInventoryScanner(settings.nodeId(), workerAllowList,
                FileNameGlobs.of(settings.include(), List.of()));
        return new EdgeWorker(registration, settings.concurrency(), registry, scanner, listener, partitionWorker, detectors,
                jobRepository, new EdgeWorker.WorkerTimings(properties.nodeHeartbeatInterval(), properties.inventoryInterval(),
                properties.nodeTimeout()));
    }
}
