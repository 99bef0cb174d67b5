package org.edgebatch.job;

import java.util.Map;
import javax.sql.DataSource;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.publish.Outbox;
import org.edgebatch.publish.Publishers;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.repository.JobRepositoryConfiguration;
import org.edgebatch.repository.RepositorySchema;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.step.SqlDialect;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What every EdgeBatch process needs, manager or worker: the job repository (Spring Batch's JDBC repository on the
 * application's DataSource, its schema migrated by {@link RepositorySchema}), EdgeBatch's tables, the detectors, and
 * the worker steps that run partitions. The manager's side (building and launching jobs) is
 * {@link JobManagerConfiguration}. A {@link DeploymentMode} bean comes from the mode's configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeBatchProperties.class)
@Import(JobRepositoryConfiguration.class)
public class EdgeBatchConfiguration {

    /**
     * The Spring properties an EdgeBatch application runs with on the job repository {@code databaseUrl} (a spec's
     * {@code database}, or {@code --db}; no password in it): that DataSource, no job run at start-up.
     */
    public static Map<String, Object> applicationProperties(String databaseUrl) {
        return Map.of("spring.datasource.url", databaseUrl,
                "spring.batch.job.enabled", "false");
    }

    @Bean
    SqlDialect edgeBatchSqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    /** The runtime a command started before this context (see {@link OrtRuntimeStarter#start()}), else one made now. */
    @Bean(destroyMethod = "close")
    @Lazy
    OrtRuntime ortRuntime(ObjectProvider<OrtRuntimeStarter> startedEarly) {
        OrtRuntimeStarter early = startedEarly.getIfAvailable();
        return early != null ? early.take() : OrtRuntimeStarter.create();
    }

    @Bean
    DetectorFactory detectorFactory(ObjectProvider<OrtRuntime> runtime, EdgeBatchProperties properties) {
        return new DetectorFactory(runtime::getObject, properties.intraOpThreads(), properties.ortSpinning(),
                properties.nodeThreads());
    }

    @Bean(destroyMethod = "close")
    NodeDetectors nodeDetectors(DetectorFactory factory) {
        return new NodeDetectors(factory);
    }

    @Bean
    JobSpecStore jobSpecStore(DataSource dataSource, SqlDialect dialect, RepositorySchema schema) {
        return new JobSpecStore(new JdbcTemplate(dataSource), dialect, new JobSpecLoader());
    }

    @Bean
    ProcessedFiles processedFiles(DataSource dataSource, SqlDialect dialect, DeploymentMode mode, RepositorySchema schema) {
        return new ProcessedFiles(new JdbcTemplate(dataSource), dialect, mode);
    }

    @Bean
    VideoTable videoTable(DataSource dataSource, SqlDialect dialect, RepositorySchema schema) {
        return new VideoTable(new JdbcTemplate(dataSource), dialect);
    }

    @Bean
    EventStore eventStore(DataSource dataSource, SqlDialect dialect, RepositorySchema schema) {
        return new EventStore(new JdbcTemplate(dataSource), dialect);
    }

    @Bean
    Outbox outbox(DataSource dataSource, PlatformTransactionManager transactionManager, RepositorySchema schema) {
        return new Outbox(new JdbcTemplate(dataSource), transactionManager);
    }

    @Bean
    PartitionClaims partitionClaims(DataSource dataSource, PlatformTransactionManager transactionManager, RepositorySchema schema) {
        return new PartitionClaims(new JdbcTemplate(dataSource), transactionManager);
    }

    @Bean
    DatabaseClock databaseClock(DataSource dataSource, SqlDialect dialect) {
        return new DatabaseClock(new JdbcTemplate(dataSource), dialect, java.time.Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    ProcessHeartbeat processHeartbeat(DataSource dataSource, EdgeBatchProperties properties, DatabaseClock clock,
                                      RepositorySchema schema) {
        return new ProcessHeartbeat(new JdbcTemplate(dataSource), properties.heartbeatInterval(), clock::millis);
    }

    /** Where this repository's runs write: the repository's id keeps them apart from another's in a shared folder. */
    @Bean
    OutputLayout outputLayout(RepositorySchema schema) {
        return OutputLayout.of(schema.repositoryId());
    }

    @Bean
    Publishers publishers(OutputLayout layout) {
        return new Publishers(layout);
    }

    @Bean
    RunReportBuilder runReportBuilder(DataSource dataSource, JobRepository jobRepository, JobSpecStore specs) {
        return new RunReportBuilder(new JdbcTemplate(dataSource), jobRepository, specs);
    }

    @Bean
    ExecutionExplorer executionExplorer(JobRepository jobRepository, JobSpecStore specs, ProcessHeartbeat heartbeat,
                                        PartitionClaims claims, RunReportBuilder reports, DataSource dataSource) {
        return new ExecutionExplorer(jobRepository, specs, heartbeat, claims, reports, new JdbcTemplate(dataSource));
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
                                                    ProcessedFiles processed, EdgeBatchProperties properties,
                                                    OutputLayout layout, DataSource dataSource) {
        return new EventsWorkerStepFactory(jobRepository, transactionManager, specs, events, outbox, processed,
                properties.decoderThreads(), layout, new PartitionFiles(new JdbcTemplate(dataSource)));
    }

    @Bean
    PublishWorkerStepFactory publishWorkerStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                                      JobSpecStore specs, Outbox outbox, Publishers publishers) {
        return new PublishWorkerStepFactory(jobRepository, transactionManager, specs, outbox, publishers);
    }

    @Bean
    WorkerSteps workerSteps(ObjectProvider<WorkerStepFactory> factories) {
        return new WorkerSteps(factories.orderedStream().toList());
    }
}
