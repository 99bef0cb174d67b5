package org.edgebatch.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.edgebatch.detect.Detector;
import org.edgebatch.job.DatabaseClock;
import org.edgebatch.job.OrtRuntimeStarter;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.repository.RepositorySchema;
import org.edgebatch.step.SqlDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * EdgeBatch for a Spring Boot application that composes its own jobs: the process's ONNX Runtime, the detector of
 * {@code edgebatch.model} and those of {@code edgebatch.models}, EdgeBatch's tables in the application's
 * DataSource, and a heartbeat for every job execution while it runs. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(EdgeBatchStarterProperties.class)
public class EdgeBatchAutoConfiguration {

    /** Made on first use, so an application without a model never loads the native library. */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    OrtRuntime edgeBatchOrtRuntime() {
        return OrtRuntimeStarter.create();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "edgebatch.model", name = "path")
    Detector edgeBatchDetector(ObjectProvider<OrtRuntime> runtime, EdgeBatchStarterProperties properties) {
        return Detector.open(runtime.getObject(), properties.getModel().toConfig("edgebatch.model"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    NamedDetectors edgeBatchNamedDetectors(ObjectProvider<OrtRuntime> runtime, EdgeBatchStarterProperties properties) {
        Map<String, Detector> detectors = new LinkedHashMap<>();
        try {
            properties.getModels().forEach((name, model) ->
                    detectors.put(name, Detector.open(runtime.getObject(), model.toConfig("edgebatch.models." + name))));
        } catch (RuntimeException e) {
            detectors.values().forEach(Detector::close);
            throw e;
        }
        return new NamedDetectors(detectors);
    }

    /** The tables, when the application has a DataSource and does not turn them off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(prefix = "edgebatch.tables", name = "initialize", havingValue = "true", matchIfMissing = true)
    static class TablesConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RepositorySchema edgeBatchRepositorySchema(DataSource dataSource) {
            return new RepositorySchema(dataSource);
        }

        @Bean
        @ConditionalOnMissingBean
        EdgeBatchTables edgeBatchTables(RepositorySchema schema) {
            return new EdgeBatchTables(schema);
        }

        /** Heart-beats on the database's clock, as the CLI's do, so processes on machines with wrong clocks agree. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "edgebatch.heartbeat", name = "enabled", havingValue = "true", matchIfMissing = true)
        ProcessHeartbeat edgeBatchProcessHeartbeat(DataSource dataSource, EdgeBatchTables tables, EdgeBatchStarterProperties properties) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DatabaseClock clock = new DatabaseClock(jdbc, SqlDialect.of(dataSource), Clock.systemUTC());
            return new ProcessHeartbeat(jdbc, properties.getHeartbeat().getInterval(), clock::millis);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(ProcessHeartbeat.class)
        HeartbeatJobListener edgeBatchHeartbeatJobListener(ProcessHeartbeat heartbeat) {
            return new HeartbeatJobListener(heartbeat);
        }

        /** Static: a post-processor is made before the beans it processes. */
        @Bean
        static HeartbeatRegistrar edgeBatchHeartbeatRegistrar(ObjectProvider<HeartbeatJobListener> listener) {
            return new HeartbeatRegistrar(listener);
        }
    }
}
