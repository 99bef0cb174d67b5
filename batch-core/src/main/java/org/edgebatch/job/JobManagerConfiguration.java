package org.edgebatch.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.publish.Publishers;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.report.RunReportWriter;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The manager's side: building the {@code videoInference} job of a spec and launching, restarting and stopping it.
 * The mode's configuration provides how partitions reach nodes ({@link PartitionStepFactory}), how a run is planned
 * ({@link InventoryPlanner}) and how a dead run is recovered ({@link ExecutionRecovery}).
 */
@Configuration(proxyBeanMethods = false)
@Import(EdgeBatchConfiguration.class)
public class JobManagerConfiguration {

    @Bean
    VideoInferenceJobFactory videoInferenceJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                                      PartitionStepFactory partitions, InventoryPlanner planner,
                                                      ProcessedFiles processed, VideoTable videos, JobSpecStore specs,
                                                      ProcessHeartbeat heartbeat, NodeDetectors detectors,
                                                      RunReportBuilder reports, OutputLayout layout, Publishers publishers) {
        return new VideoInferenceJobFactory(jobRepository, transactionManager, partitions, planner, processed, videos,
                specs, heartbeat, detectors, reports, new RunReportWriter(layout), publishers);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService edgeBatchLaunchExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("edgebatch-job-", 1).factory());
    }

    @Bean
    VideoJobOperator videoJobOperator(JobOperator jobOperator, JobRepository jobRepository, VideoInferenceJobFactory jobs,
                                      InventoryPlanner planner, ProcessedFiles processed, DetectorFactory detectorFactory,
                                      JobSpecStore specs, ExecutionRecovery recovery, ExecutorService edgeBatchLaunchExecutor,
                                      Publishers publishers) {
        return new VideoJobOperator(jobOperator, jobRepository, jobs, planner, processed, detectorFactory, specs, recovery,
                edgeBatchLaunchExecutor, publishers);
    }
}
