package org.edgebatch.repository;

import javax.sql.DataSource;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's JDBC job repository and operator on the application's DataSource, with the schema migrated by
 * {@link RepositorySchema} before the repository is made (Spring Boot's Batch auto-configuration, which would run
 * Spring Batch's create script on every start, backs off for this). The database type comes from the schema rather
 * than the driver, so a MySQL or MariaDB repository works through either driver.
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    @Bean
    RepositorySchema repositorySchema(DataSource dataSource) {
        return new RepositorySchema(dataSource);
    }

    @Override
    protected String getDatabaseType() {
        RepositorySchema schema = applicationContext.getBean(RepositorySchema.class);
        schema.migrateIfBehind();
        return schema.batchDatabaseType();
    }
}
