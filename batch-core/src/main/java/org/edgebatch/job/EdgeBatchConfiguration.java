package org.edgebatch.job;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.publish.Outbox;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.step.SqlDialect;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job's beans, for a Spring Boot application whose auto-configuration provides the DataSource, its transaction
 * manager and Spring Batch's JDBC job repository and operator ({@code spring-boot-starter-batch-jdbc}; set
 * {@code spring.batch.job.enabled=false} and {@code spring.batch.jdbc.initialize-schema=always}). EdgeBatch's own
 * tables are created at start-up if absent. A {@link PartitionStepFactory} bean must come from the mode's
 * configuration (embedded: {@code org.edgebatch.partition.EmbeddedPartitioningConfiguration}, which imports this).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeBatchProperties.class)
public class EdgeBatchConfiguration {

    /**
     * The Spring properties an EdgeBatch application runs with on the job repository {@code databaseUrl} (a spec's
     * {@code database}, or {@code --db}): that DataSource, Spring Batch's tables created when missing, no job run at
     * start-up.
     */
    public static Map<String, Object> applicationProperties(String databaseUrl) {
        return Map.of("spring.datasource.url", databaseUrl,
                "spring.batch.jdbc.initialize-schema", "always",
                "spring.batch.job.enabled", "false");
    }

    @Bean
    SqlDialect edgeBatchSqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    @Bean(initMethod = "create")
    EdgeBatchSchema edgeBatchSchema(DataSource dataSource, SqlDialect dialect) {
        return new EdgeBatchSchema(dataSource, dialect);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    OrtRuntime ortRuntime() {
        return OrtRuntimeStarter.create();
    }

    @Bean
    DetectorFactory detectorFactory(ObjectProvider<OrtRuntime> runtime, EdgeBatchProperties properties) {
        return new DetectorFactory(runtime::getObject, properties.intraOpThreads(), properties.ortSpinning());
    }

    @Bean(destroyMethod = "close")
    NodeDetectors nodeDetectors(DetectorFactory factory) {
        return new NodeDetectors(factory);
    }

    @Bean
    JobSpecStore jobSpecStore(DataSource dataSource, SqlDialect dialect, EdgeBatchSchema schema) {
        return new JobSpecStore(new JdbcTemplate(dataSource), dialect, new JobSpecLoader());
    }

    @Bean
    ProcessedFiles processedFiles(DataSource dataSource, SqlDialect dialect, EdgeBatchSchema schema) {
        return new ProcessedFiles(new JdbcTemplate(dataSource), dialect);
    }

    @Bean
    VideoTable videoTable(DataSource dataSource, SqlDialect dialect, EdgeBatchSchema schema) {
        return new VideoTable(new JdbcTemplate(dataSource), dialect);
    }

    @Bean
    EventStore eventStore(DataSource dataSource, SqlDialect dialect, EdgeBatchSchema schema) {
        return new EventStore(new JdbcTemplate(dataSource), dialect);
    }

    @Bean
    Outbox outbox(DataSource dataSource, PlatformTransactionManager transactionManager, EdgeBatchSchema schema) {
        return new Outbox(new JdbcTemplate(dataSource), transactionManager);
    }

    @Bean
    InventoryPlanner inventoryPlanner() {
        return new InventoryPlanner();
    }

    @Bean(destroyMethod = "close")
    ProcessHeartbeat processHeartbeat(DataSource dataSource, EdgeBatchProperties properties, EdgeBatchSchema schema) {
        return new ProcessHeartbeat(new JdbcTemplate(dataSource), properties.heartbeatInterval());
    }

    @Bean
    RunReportBuilder runReportBuilder(DataSource dataSource, JobRepository jobRepository, JobSpecStore specs) {
        return new RunReportBuilder(new JdbcTemplate(dataSource), jobRepository, specs);
    }

    @Bean
    DetectWorkerStepFactory detectWorkerStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                                    DataSource dataSource, SqlDialect dialect, JobSpecStore specs,
                                                    NodeDetectors detectors, EdgeBatchProperties properties,
                                                    ObjectProvider<DetectWorkerCustomizer> customizers) {
        return new DetectWorkerStepFactory(jobRepository, transactionManager, new JdbcTemplate(dataSource), dialect, specs,
                detectors, properties.decoderThreads(), properties.prefetchFrames(), customizers.orderedStream().toList());
    }

    @Bean
    EventsWorkerStepFactory eventsWorkerStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                                    JobSpecStore specs, EventStore events, Outbox outbox,
                                                    ProcessedFiles processed, EdgeBatchProperties properties) {
        return new EventsWorkerStepFactory(jobRepository, transactionManager, specs, events, outbox, processed,
                properties.decoderThreads());
    }

    @Bean
    WorkerSteps workerSteps(ObjectProvider<WorkerStepFactory> factories) {
        return new WorkerSteps(factories.orderedStream().toList());
    }

    @Bean
    VideoInferenceJobFactory videoInferenceJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                                      PartitionStepFactory partitions, InventoryPlanner planner,
                                                      ProcessedFiles processed, VideoTable videos, Outbox outbox,
                                                      JobSpecStore specs, ProcessHeartbeat heartbeat, NodeDetectors detectors,
                                                      RunReportBuilder reports) {
        return new VideoInferenceJobFactory(jobRepository, transactionManager, partitions, planner, processed, videos,
                outbox, specs, heartbeat, detectors, reports);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService edgeBatchLaunchExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("edgebatch-job-", 1).factory());
    }

    @Bean
    EdgeBatchOperations edgeBatchOperations(JobOperator jobOperator, JobRepository jobRepository,
                                            VideoInferenceJobFactory jobs, InventoryPlanner planner, ProcessedFiles processed,
                                            DetectorFactory detectorFactory, JobSpecStore specs, ProcessHeartbeat heartbeat,
                                            RunReportBuilder reports, DataSource dataSource, ExecutorService edgeBatchLaunchExecutor) {
        return new EdgeBatchOperations(jobOperator, jobRepository, jobs, planner, processed, detectorFactory, specs, heartbeat,
                reports, new JdbcTemplate(dataSource), edgeBatchLaunchExecutor);
    }
}
