package org.edgebatch.partition;

import org.edgebatch.job.EdgeBatchConfiguration;
import org.edgebatch.job.EdgeBatchProperties;
import org.edgebatch.job.PartitionStepFactory;
import org.edgebatch.job.WorkerSteps;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Embedded mode: every node of a spec runs in this JVM, partitions reach them through in-JVM channels. Needs no
 * broker and no database server (the job repository is the H2 file by default). Import this in the application.
 */
@Configuration(proxyBeanMethods = false)
@Import(EdgeBatchConfiguration.class)
public class EmbeddedPartitioningConfiguration {

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, WorkerSteps workerSteps) {
        return new PartitionWorker(jobRepository, workerSteps);
    }

    @Bean
    PartitionStepFactory partitionStepFactory(JobRepository jobRepository, PartitionWorker partitionWorker,
                                              EdgeBatchProperties properties) {
        return new EmbeddedPartitionStepFactory(jobRepository, partitionWorker, properties.partitionPollInterval(),
                properties.partitionTimeout());
    }
}
