package org.edgebatch.partition;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.edgebatch.job.DeploymentMode;
import org.edgebatch.job.DiskInventoryPlanner;
import org.edgebatch.job.EdgeBatchProperties;
import org.edgebatch.job.ExecutionRecovery;
import org.edgebatch.job.InventoryPlanner;
import org.edgebatch.job.JobManagerConfiguration;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.PartitionFiles;
import org.edgebatch.job.PartitionStepFactory;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.job.ProcessRecovery;
import org.edgebatch.job.WorkerSteps;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Embedded mode: every node of a spec runs in this JVM, partitions reach them through in-JVM channels, and the run is
 * planned from this machine's disk. Needs no broker and no database server (the job repository is the H2 file by
 * default). Import this in the application.
 */
@Configuration(proxyBeanMethods = false)
@Import(JobManagerConfiguration.class)
public class EmbeddedPartitioningConfiguration {

    @Bean
    DeploymentMode deploymentMode() {
        return DeploymentMode.EMBEDDED;
    }

    @Bean
    InventoryPlanner inventoryPlanner() {
        return new DiskInventoryPlanner();
    }

    @Bean
    ExecutionRecovery executionRecovery(JobOperator jobOperator, ProcessHeartbeat heartbeat) {
        return new ProcessRecovery(jobOperator, heartbeat);
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, WorkerSteps workerSteps, PartitionClaims claims,
                                    JobSpecStore specs, ProcessHeartbeat heartbeat, DataSource dataSource) {
        // Every logical node of this process is served by this process: one worker id for all of them.
        String workerId = UUID.randomUUID().toString();
        return new PartitionWorker(jobRepository, workerSteps, claims,
                new EmbeddedPartitionGuard(specs, new PartitionFiles(new JdbcTemplate(dataSource))),
                node -> new PartitionClaims.Worker(node, workerId, heartbeat.host(), heartbeat.pid()));
    }

    @Bean
    PartitionStepFactory partitionStepFactory(JobRepository jobRepository, PartitionWorker partitionWorker,
                                              EdgeBatchProperties properties) {
        return new RemotePartitionStepFactory(jobRepository,
                (nodeIds, concurrency) -> new EmbeddedNodeChannels(nodeIds, concurrency, partitionWorker),
                properties.partitionPollInterval(), properties.partitionTimeout(), List.of());
    }
}
