package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.edgebatch.job.DatabaseClock;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.JobSummaryView;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The read-only commands' repository, opened over plain JDBC, reads what the job context reads: the same views of one
 * small job's execution, and the same refusal when the repository cannot be opened.
 */
@ExtendWith(KeepersGone.class)
class RepositoryReaderTests {

    @TempDir
    static Path dir;

    static String url;
    static long executionId;

    @BeforeAll
    static void runOneSmallJob() {
        Path videos = dir.resolve("videos");
        TestData.walking(videos.resolve("walk.mp4"), 320, 180, 10, 2, 0.3, 1.7);
        Path spec = TestData.spec(dir, "shapes", """
                name: shapes
                input: {paths: [videos]}
                model: {path: %s}
                chunkSize: 8
                threads: 2
                output: out
                publish: {target: none}
                """.formatted(SharedData.fastModel()));
        url = DatabaseUrls.resolve(dir.resolve("db").toString());
        Cli.Result run = Cli.run("run", spec.toString(), "--db", url, "--progress", "none");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        try (RepositoryReader repository = RepositoryReader.open(url)) {
            executionId = repository.executions().jobs(1).getFirst().jobExecutionId();
        }
    }

    @Test
    void readsTheSameViewsAsTheJobContext() {
        // given
        try (JobContext context = JobContext.open(url); RepositoryReader repository = RepositoryReader.open(url)) {
            ExecutionExplorer before = context.executions();

            // when
            ExecutionExplorer after = repository.executions();

            // then
            assertThat(after.jobs(20)).isEqualTo(before.jobs(20)).extracting(JobSummaryView::status).containsExactly("COMPLETED");
            assertThat(after.status(executionId)).isEqualTo(before.status(executionId));
            assertThat(after.status(executionId).partitions()).isNotEmpty();
            assertThat(after.events(executionId)).isEqualTo(before.events(executionId)).isNotEmpty();
            assertThat(after.progress(executionId)).isEqualTo(before.progress(executionId));
            assertThat(repository.nodes().nodes()).isEqualTo(new NodeRegistry(new JdbcTemplate(context.bean(DataSource.class)),
                    context.bean(PlatformTransactionManager.class), context.bean(DatabaseClock.class)).nodes());
            assertThat(repository.databaseUrl()).isEqualTo(context.databaseUrl());
        }
    }

    @Test
    void aRepositoryThatCannotBeOpenedIsRefusedAsTheJobContextRefusesIt() {
        // given: a port nothing listens on
        String unreachable = "jdbc:mariadb://127.0.0.1:9/edgebatch?user=root&connectTimeout=2000";

        // when
        Throwable contextRefusal = catchThrowable(() -> JobContext.open(unreachable).close());

        // then
        assertThat(contextRefusal).isInstanceOf(JobContext.JobRepositoryException.class);
        assertThatThrownBy(() -> RepositoryReader.open(unreachable).close())
                .isInstanceOf(JobContext.JobRepositoryException.class)
                .hasMessage(contextRefusal.getMessage());
    }

    @Test
    void theProcessSettingsComeFromTheSystemProperties() {
        // given
        System.setProperty("edgebatch.node-timeout", "45s");
        try (RepositoryReader repository = RepositoryReader.open(url)) {
            // then
            assertThat(repository.properties().nodeTimeout()).hasSeconds(45);
        } finally {
            System.clearProperty("edgebatch.node-timeout");
        }
    }
}
