package org.edgebatch.partition.manager;

import java.util.List;
import org.edgebatch.job.EdgeBatchProperties;
import org.edgebatch.job.ExecutionRecovery;
import org.edgebatch.job.InventoryPlanner;
import org.edgebatch.job.JobManagerConfiguration;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.PartitionStepFactory;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.partition.RemotePartitionStepFactory;
import org.edgebatch.partition.amqp.AmqpNodeChannelsFactory;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.edgebatch.partition.amqp.PartitionRequestCodec;
import org.edgebatch.partition.amqp.PartitionRequestSender;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.partition.registry.NodeRegistryConfiguration;
import org.edgebatch.partition.registry.RegistryInventoryPlanner;
import org.edgebatch.repository.RepositorySchema;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Distributed mode, the manager's side: plans from the node registry, sends each partition to its node's queue on the
 * RabbitMQ broker a {@link org.edgebatch.partition.amqp.BrokerSettings} bean names, watches the nodes while it waits, and recovers runs whose
 * manager or workers died. The job repository must be one the workers share (MySQL or MariaDB).
 */
@Configuration(proxyBeanMethods = false)
@Import({JobManagerConfiguration.class, NodeRegistryConfiguration.class})
public class DistributedManagerConfiguration {

    @Bean
    RabbitTemplate partitionRequestTemplate(CachingConnectionFactory brokerConnectionFactory) {
        RabbitTemplate template = new RabbitTemplate(brokerConnectionFactory);
        // A request no queue takes comes back and fails the send, instead of vanishing.
        template.setMandatory(true);
        return template;
    }

    @Bean
    RabbitAdmin brokerAdmin(CachingConnectionFactory brokerConnectionFactory) {
        RabbitAdmin admin = new RabbitAdmin(brokerConnectionFactory);
        admin.setAutoStartup(false);
        return admin;
    }

    @Bean
    InventoryPlanner inventoryPlanner(NodeRegistry registry, EdgeBatchProperties properties) {
        return new RegistryInventoryPlanner(registry, properties.nodeTimeout());
    }

    @Bean(destroyMethod = "close")
    LostNodeMonitor lostNodeMonitor(JobRepository jobRepository, JobOperator jobOperator, NodeRegistry registry,
                                    PartitionClaims claims, EdgeBatchProperties properties) {
        return new LostNodeMonitor(jobRepository, jobOperator, registry, claims, properties.nodeTimeout(),
                properties.partitionPollInterval());
    }

    @Bean
    PartitionStepFactory partitionStepFactory(JobRepository jobRepository, RabbitTemplate partitionRequestTemplate,
                                              RabbitAdmin brokerAdmin, AmqpTopology topology, RepositorySchema schema,
                                              LostNodeMonitor monitor, EdgeBatchProperties properties,
                                              BeanFactory beanFactory) {
        PartitionRequestSender sender = new PartitionRequestSender(partitionRequestTemplate, topology,
                new PartitionRequestCodec(schema.repositoryId()), properties.brokerSendTimeout(), beanFactory);
        AmqpNodeChannelsFactory channels = new AmqpNodeChannelsFactory(sender, brokerAdmin, topology);
        return new RemotePartitionStepFactory(jobRepository, channels, properties.partitionPollInterval(),
                properties.partitionTimeout(), List.of(monitor));
    }

    @Bean
    ExecutionRecovery executionRecovery(JobRepository jobRepository, JobOperator jobOperator, ProcessHeartbeat heartbeat,
                                        NodeRegistry registry, PartitionClaims claims, LostNodeMonitor monitor,
                                        EdgeBatchProperties properties) {
        return new DistributedRecovery(jobRepository, jobOperator, heartbeat, registry, claims, monitor,
                properties.nodeTimeout(), properties.restartWait());
    }
}
