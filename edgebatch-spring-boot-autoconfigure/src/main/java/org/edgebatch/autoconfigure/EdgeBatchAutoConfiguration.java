package org.edgebatch.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.edgebatch.detect.Detector;
import org.edgebatch.job.OrtRuntimeStarter;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.repository.RepositorySchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * EdgeBatch for a Spring Boot application that composes its own jobs: the process's ONNX Runtime, the detector of
 * {@code edgebatch.model} and those of {@code edgebatch.models}, and EdgeBatch's tables in the application's
 * DataSource. Every bean backs off when the application defines its own.
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
    }
}
