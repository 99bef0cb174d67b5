package org.edgebatch.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.edgebatch.autoconfigure.NodeWorkerLifecycle;
import org.edgebatch.batch.partition.LocalityPartitionerBuilder;
import org.edgebatch.batch.partition.NodePartitionHandlerBuilder;
import org.edgebatch.batch.partition.VideoPartitionKeys;
import org.edgebatch.partition.NodeChannelsFactory;
import org.edgebatch.partition.amqp.AmqpNodeChannelsFactory;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A step partitioned by node, made from the public builders, runs each partition where its node is: in the manager
 * role on the worker process of that node over the real RabbitMQ (a manager and two worker application contexts, nodes
 * {@code a} and {@code b}, on one shared job repository), in the embedded role on that node's threads of this process.
 */
class DistributedNodesTests {

    /** The worker step: records which worker ran the partition, and on which thread. */
    static Step frames(JobRepository jobRepository, PlatformTransactionManager transactionManager, String ranBy) {
        return new StepBuilder("frames", jobRepository).tasklet((contribution, chunk) -> {
            var context = chunk.getStepContext().getStepExecution().getExecutionContext();
            context.putString("ranBy", ranBy);
            context.putString("thread", Thread.currentThread().getName());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** The manager's job: one partition per video under each node's folder, sent to its node. */
    static Job byNode(JobRepository jobRepository, NodeChannelsFactory nodeChannels, Path footageA, Path footageB) {
        Step detect = new StepBuilder("detect", jobRepository)
                .partitioner("frames", new LocalityPartitionerBuilder().node("a", footageA).node("b", footageB).build())
                .partitionHandler(new NodePartitionHandlerBuilder().jobRepository(jobRepository).nodeChannels(nodeChannels)
                        .workerStep("frames").pollInterval(java.time.Duration.ofMillis(100))
                        .timeout(java.time.Duration.ofSeconds(60)).build())
                .build();
        return new JobBuilder("byNode", jobRepository).start(detect).build();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ManagerApplication {
        @Bean
        Job byNode(JobRepository jobRepository, NodeChannelsFactory nodeChannels, @Value("${test.footage.a}") Path a,
                   @Value("${test.footage.b}") Path b) {
            return DistributedNodesTests.byNode(jobRepository, nodeChannels, a, b);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WorkerApplication {
        @Bean
        Step frames(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    @Value("${edgebatch.distributed.node-id}") String nodeId) {
            return DistributedNodesTests.frames(jobRepository, transactionManager, "worker-" + nodeId);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class EmbeddedApplication {
        @Bean
        Step frames(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
            return DistributedNodesTests.frames(jobRepository, transactionManager, "embedded");
        }

        @Bean
        Job byNode(JobRepository jobRepository, NodeChannelsFactory nodeChannels, @Value("${test.footage.a}") Path a,
                   @Value("${test.footage.b}") Path b) {
            return DistributedNodesTests.byNode(jobRepository, nodeChannels, a, b);
        }
    }

    @Test
    @Timeout(180)
    void eachPartitionRunsOnTheWorkerOfItsNodeOverRabbitMq(@TempDir Path footage) throws Exception {
        // given: node a holds two videos, node b one; a manager and a worker per node on one repository and the broker
        String[] common = common(footage);
        SpringApplicationBuilder manager = new SpringApplicationBuilder(ManagerApplication.class).properties(common)
                .properties("edgebatch.distributed.role=manager");
        try (ConfigurableApplicationContext managerContext = manager.run();
             ConfigurableApplicationContext workerA = worker(common, "a");
             ConfigurableApplicationContext workerB = worker(common, "b")) {
            AmqpTopology topology = managerContext.getBean(AmqpTopology.class);
            try {
                assertThat(managerContext.getBean(NodeChannelsFactory.class)).isInstanceOf(AmqpNodeChannelsFactory.class);
                assertThat(workerA.getBean(NodeWorkerLifecycle.class).isRunning()).isTrue();

                // when
                JobExecution execution = managerContext.getBean(JobOperator.class)
                        .start(managerContext.getBean(Job.class), new JobParameters());

                // then: every partition ran, on the worker of the node it was placed on
                assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                List<StepExecution> partitions = partitions(managerContext, execution);
                assertThat(partitions).extracting(partition -> partition.getExecutionContext().getString(VideoPartitionKeys.NODE))
                        .containsExactlyInAnyOrder("a", "a", "b");
                assertThat(partitions).allSatisfy(partition -> {
                    String node = partition.getExecutionContext().getString(VideoPartitionKeys.NODE);
                    assertThat(partition.getStatus()).as(partition.getStepName()).isEqualTo(BatchStatus.COMPLETED);
                    assertThat(partition.getExecutionContext().getString("ranBy")).as(partition.getStepName())
                            .isEqualTo("worker-" + node);
                    assertThat(partition.getExecutionContext().getString("thread")).startsWith("partition-listener-");
                });
            } finally {
                workerA.close();
                workerB.close();
                topology.delete(new RabbitAdmin(managerContext.getBean("edgeBatchBrokerConnectionFactory",
                        CachingConnectionFactory.class)), List.of("a", "b"));
            }
        }
    }

    @Test
    @Timeout(120)
    void embeddedEachPartitionRunsOnItsNodesThreadsInThisProcess(@TempDir Path footage) throws Exception {
        // given
        SpringApplicationBuilder application = new SpringApplicationBuilder(EmbeddedApplication.class).properties(common(footage));

        try (ConfigurableApplicationContext context = application.run()) {
            // when
            JobExecution execution = context.getBean(JobOperator.class).start(context.getBean(Job.class), new JobParameters());

            // then
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            List<StepExecution> partitions = partitions(context, execution);
            assertThat(partitions).hasSize(3).allSatisfy(partition -> {
                String node = partition.getExecutionContext().getString(VideoPartitionKeys.NODE);
                assertThat(partition.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(partition.getExecutionContext().getString("ranBy")).isEqualTo("embedded");
                assertThat(partition.getExecutionContext().getString("thread")).startsWith("node-" + node + "-");
            });
        }
    }

    /** Two folders of (empty) videos, one repository shared by every context of the test, no job run at start-up. */
    private static String[] common(Path footage) throws Exception {
        Path a = Files.createDirectories(footage.resolve("a"));
        Path b = Files.createDirectories(footage.resolve("b"));
        Files.createFile(a.resolve("lobby-1.mp4"));
        Files.createFile(a.resolve("lobby-2.mp4"));
        Files.createFile(b.resolve("yard-1.mp4"));
        return new String[] {
                // A new repository: its id names the node queues, so runs never see each other's requests.
                "spring.datasource.url=jdbc:h2:mem:nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "spring.batch.job.enabled=false",
                "edgebatch.broker.url=amqp://guest@127.0.0.1:5672/",
                "edgebatch.broker.password=guest",
                "test.footage.a=" + a, "test.footage.b=" + b};
    }

    private static ConfigurableApplicationContext worker(String[] common, String nodeId) {
        return new SpringApplicationBuilder(WorkerApplication.class).properties(common)
                .properties("edgebatch.distributed.role=worker", "edgebatch.distributed.node-id=" + nodeId).run();
    }

    /** The partitions of a job execution as the job repository has them (what the workers recorded). */
    private static List<StepExecution> partitions(ConfigurableApplicationContext context, JobExecution execution) {
        JobExecution stored = context.getBean(JobRepository.class).getJobExecution(execution.getId());
        return stored.getStepExecutions().stream().filter(step -> step.getStepName().startsWith("frames:")).toList();
    }
}
