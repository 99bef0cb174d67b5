package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.publish.Outbox;
import org.edgebatch.publish.OutboxStatus;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The job with its repository on MariaDB (127.0.0.1:3306, user root, as {@code ci/services.sh} starts it), in a
 * database of its own: Spring Batch's and EdgeBatch's schemas, the upserts, and publishing under repeatable read.
 */
class MariaDbJobIntegrationTests {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    @TempDir
    Path dir;

    String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "eb_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "")) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void aJobRunsTwiceOnMariaDbAndPublishesItsEvents() throws Exception {
        // given
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 4, 1, 3), videos.resolve("walk.mp4"));
        JobSpec spec = Specs.load(dir, "maria", """
                name: maria
                input: {paths: [%s]}
                model: {path: %s}
                chunkSize: 8
                threads: 2
                output: %s
                publish: {target: "file://%s"}
                """.formatted(videos, SharedData.fastModel(), dir.resolve("out"), dir.resolve("central")));

        try (EdgeBatchContext context = EdgeBatchContext.start(dir, List.of("spring.datasource.url=" + SERVER + database,
                "spring.datasource.username=root"))) {
            // when: the same spec twice, so the second run's schema creation finds every table there
            JobExecution first = context.jobs().launch(spec, LaunchOptions.of("maria.yaml"));
            JobExecution second = context.jobs().launch(spec, LaunchOptions.of("maria.yaml"));

            // then
            assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(context.jdbc().queryForObject("SELECT COUNT(*) FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?", Integer.class,
                    first.getJobInstance().getInstanceId())).isEqualTo(40);
            assertThat(context.bean(Outbox.class).ofInstance(second.getJobInstance().getInstanceId()))
                    .isNotEmpty().allSatisfy(entry -> assertThat(entry.status()).isEqualTo(OutboxStatus.SENT));
            assertThat(context.bean(OutputLayout.class).published(dir.resolve("central"), "maria", second.getId(), "local")
                    .resolve("manifest.json")).exists();
        }
    }
}
