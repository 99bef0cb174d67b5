package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.edgebatch.repository.RepositorySchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** Partition claims on an H2 repository migrated by {@link RepositorySchema}, through Spring Batch's JDBC job repository. */
class PartitionClaimsTests {

    private static final PartitionClaims.Worker EDGE_1 = new PartitionClaims.Worker("node-a", "worker-1", "edge-1", 111);
    private static final PartitionClaims.Worker EDGE_2 = new PartitionClaims.Worker("node-a", "worker-2", "edge-2", 222);

    JdbcTemplate jdbc;
    JobRepository jobRepository;
    PartitionClaims claims;
    JobExecution jobExecution;

    @BeforeEach
    void repository() throws Exception {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:claims" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        RepositorySchema schema = new RepositorySchema(dataSource);
        schema.migrate();
        jdbc = new JdbcTemplate(dataSource);
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        factory.setDatabaseType(schema.batchDatabaseType());
        factory.afterPropertiesSet();
        jobRepository = factory.getObject();
        claims = new PartitionClaims(jdbc, transactionManager);
        JobParameters parameters = new JobParametersBuilder().addString("spec", "lobby.yaml").toJobParameters();
        jobExecution = jobRepository.createJobExecution(jobRepository.createJobInstance("lobby", parameters), parameters,
                new ExecutionContext());
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void aClaimStartsThePartitionAndRecordsItsWorker() {
        // given
        StepExecution partition = partition("detectWorker:node-a-v0");
        int version = partition.getVersion();
        long before = System.currentTimeMillis();

        // when
        boolean claimed = claims.claim(partition, EDGE_1);

        // then
        assertThat(claimed).isTrue();
        assertThat(partition.getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(partition.getStartTime()).isNotNull();
        assertThat(partition.getVersion()).isEqualTo(version + 1);
        StepExecution stored = jobRepository.getStepExecution(partition.getId());
        assertThat(stored.getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(stored.getVersion()).isEqualTo(partition.getVersion());
        PartitionClaims.Claim claim = claims.claimOf(partition.getId()).orElseThrow();
        assertThat(claim.stepExecutionId()).isEqualTo(partition.getId());
        assertThat(claim.jobExecutionId()).isEqualTo(jobExecution.getId());
        assertThat(claim.worker()).isEqualTo(EDGE_1);
        assertThat(claim.claimedAt()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void ofTwoWorkersClaimingOnePartitionAtOnceExactlyOneWins() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                // given: each worker read the STARTING partition, at the same version
                long id = partition("detectWorker:node-a-v" + round).getId();
                StepExecution seenBy1 = jobRepository.getStepExecution(id);
                StepExecution seenBy2 = jobRepository.getStepExecution(id);
                CyclicBarrier together = new CyclicBarrier(2);

                // when
                Future<Boolean> first = workers.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return claims.claim(seenBy1, EDGE_1);
                });
                Future<Boolean> second = workers.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return claims.claim(seenBy2, EDGE_2);
                });
                boolean firstWon = first.get(30, TimeUnit.SECONDS);
                boolean secondWon = second.get(30, TimeUnit.SECONDS);

                // then
                assertThat(firstWon ^ secondWon).as("exactly one claim of round %d wins", round).isTrue();
                PartitionClaims.Worker winner = firstWon ? EDGE_1 : EDGE_2;
                assertThat(claims.claimOf(id).orElseThrow().worker()).isEqualTo(winner);
                StepExecution stored = jobRepository.getStepExecution(id);
                assertThat(stored.getStatus()).isEqualTo(BatchStatus.STARTED);
                assertThat(stored.getVersion()).isEqualTo(seenBy1.getVersion() + (firstWon ? 0 : 1));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aClaimAtAStaleVersionFails() {
        // given: a worker read the partition, then the repository changed it (still STARTING)
        StepExecution partition = partition("detectWorker:node-a-v0");
        StepExecution stale = jobRepository.getStepExecution(partition.getId());
        jobRepository.update(partition);

        // when
        boolean claimed = claims.claim(stale, EDGE_1);

        // then
        assertThat(claimed).isFalse();
        assertThat(stale.getStatus()).isEqualTo(BatchStatus.STARTING);
        assertThat(jobRepository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.STARTING);
        assertThat(claims.claimOf(partition.getId())).isEmpty();
        assertThat(claims.claim(partition, EDGE_2)).isTrue();
    }

    @Test
    void aPartitionAlreadyClaimedIsNotClaimedAgain() {
        // given
        StepExecution partition = partition("detectWorker:node-a-v0");
        assertThat(claims.claim(partition, EDGE_1)).isTrue();

        // when: the same worker (a redelivered request) or another, with what it read after the claim
        boolean again = claims.claim(jobRepository.getStepExecution(partition.getId()), EDGE_2);

        // then
        assertThat(again).isFalse();
        assertThat(claims.claimOf(partition.getId()).orElseThrow().worker()).isEqualTo(EDGE_1);
    }

    @Test
    void failChangesOnlyAPartitionStillInTheGivenStatus() {
        // given: a claimed partition
        StepExecution partition = partition("detectWorker:node-a-v0");
        claims.claim(partition, EDGE_1);

        // when
        boolean whileStarting = claims.fail(partition.getId(), Set.of(BatchStatus.STARTING), "nobody took it");
        boolean whileStarted = claims.fail(partition.getId(), Set.of(BatchStatus.STARTED, BatchStatus.STOPPING),
                "worker edge-1 (pid 111) was lost");
        boolean again = claims.fail(partition.getId(), Set.of(BatchStatus.STARTED), "again");

        // then
        assertThat(whileStarting).isFalse();
        assertThat(whileStarted).isTrue();
        assertThat(again).isFalse();
        StepExecution stored = jobRepository.getStepExecution(partition.getId());
        assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stored.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
        assertThat(stored.getExitStatus().getExitDescription()).isEqualTo("worker edge-1 (pid 111) was lost");
        assertThat(stored.getEndTime()).isNotNull();
        assertThat(stored.getVersion()).isEqualTo(partition.getVersion() + 1);
    }

    @Test
    void aPartitionFailedBeforeItsClaimCannotBeClaimed() {
        // given: a request nobody took, failed while STARTING, with a message longer than Spring Batch's column
        StepExecution partition = partition("detectWorker:node-a-v0");
        StepExecution seenByWorker = jobRepository.getStepExecution(partition.getId());
        String message = "node-a is lost; ".repeat(200);

        // when
        boolean failed = claims.fail(partition.getId(), Set.of(BatchStatus.STARTING), message);

        // then
        assertThat(failed).isTrue();
        assertThat(claims.claim(seenByWorker, EDGE_1)).isFalse();
        assertThat(jobRepository.getStepExecution(partition.getId()).getExitStatus().getExitDescription())
                .isEqualTo(message.substring(0, 2500));
    }

    @Test
    void claimsOfListsTheClaimsOfJobExecutionsWithTheirWorkers() throws Exception {
        // given: two partitions of this execution claimed by two workers, one of another execution, one unclaimed
        StepExecution first = partition("detectWorker:node-a-v0");
        StepExecution second = partition("detectWorker:node-b-v1");
        partition("detectWorker:node-a-v2");
        claims.claim(first, EDGE_1);
        PartitionClaims.Worker nodeB = new PartitionClaims.Worker("node-b", "worker-3", "edge-3", 333);
        claims.claim(second, nodeB);
        JobParameters parameters = new JobParametersBuilder().addString("spec", "other.yaml").toJobParameters();
        JobExecution other = jobRepository.createJobExecution(jobRepository.createJobInstance("other", parameters), parameters,
                new ExecutionContext());
        StepExecution otherPartition = jobRepository.createStepExecution("detectWorker:node-a-v0", other);
        claims.claim(otherPartition, EDGE_2);

        // when
        Map<Long, PartitionClaims.Claim> ofThis = claims.claimsOf(jobExecution.getId());
        Map<Long, PartitionClaims.Claim> ofBoth = claims.claimsOf(List.of(jobExecution.getId(), other.getId()));

        // then
        assertThat(ofThis).containsOnlyKeys(first.getId(), second.getId());
        assertThat(ofThis.get(first.getId()).worker()).isEqualTo(EDGE_1);
        assertThat(ofThis.get(second.getId()).worker()).extracting(PartitionClaims.Worker::host, PartitionClaims.Worker::pid)
                .containsExactly("edge-3", 333L);
        assertThat(ofBoth).containsOnlyKeys(first.getId(), second.getId(), otherPartition.getId());
        assertThat(ofBoth.get(otherPartition.getId()).jobExecutionId()).isEqualTo(other.getId());
        assertThat(claims.claimsOf(new ArrayList<>())).isEmpty();
    }

    /** A partition as the manager's splitter leaves it: STARTING, for a worker to claim. */
    private StepExecution partition(String name) {
        StepExecution partition = jobRepository.createStepExecution(name, jobExecution);
        assertThat(partition.getStatus()).isEqualTo(BatchStatus.STARTING);
        return partition;
    }
}
