package org.edgebatch.partition.registry;

import javax.sql.DataSource;
import org.edgebatch.job.DatabaseClock;
import org.edgebatch.job.DeploymentMode;
import org.edgebatch.job.EdgeBatchConfiguration;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.edgebatch.partition.amqp.BrokerSettings;
import org.edgebatch.repository.RepositorySchema;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the manager and the workers of distributed mode share: the node registry on the repository's clock, and the
 * broker (a {@link BrokerSettings} bean says which) with the repository's queue names.
 */
@Configuration(proxyBeanMethods = false)
@Import(EdgeBatchConfiguration.class)
public class NodeRegistryConfiguration {

    @Bean
    DeploymentMode deploymentMode() {
        return DeploymentMode.DISTRIBUTED;
    }

    @Bean
    NodeRegistry nodeRegistry(DataSource dataSource, PlatformTransactionManager transactionManager, DatabaseClock clock,
                              RepositorySchema schema) {
        return new NodeRegistry(new JdbcTemplate(dataSource), transactionManager, clock);
    }

    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory brokerConnectionFactory(BrokerSettings broker) {
        return broker.connectionFactory();
    }

    @Bean
    AmqpTopology amqpTopology(RepositorySchema schema) {
        return new AmqpTopology(schema.repositoryId());
    }
}
