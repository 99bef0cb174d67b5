package org.edgebatch.samples.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A scan over two folders fails on a damaged file; once the file is replaced, the same execution is restarted with
 * Spring Batch's JobOperator and completes, and the videos the failed run finished are not read again.
 */
class RestartableScanFunctionalTests {

    private static final long FRAMES = 20;

    @TempDir
    Path dir;

    /** What a run left: its execution, and per video its frame rows and the step execution that wrote its first one. */
    private record Outcome(JobExecution execution, Map<String, Long> frames, Map<String, Long> firstStep) {
    }

    @Test
    void aScanThatFailedOnADamagedFileIsRestartedByItsExecutionAndCompletes() throws Exception {
        // given: cam-a holds one good clip; cam-b a good clip and a damaged one
        Path clip = WalkingFootage.render(WalkingFootage.walking(320, 180, 5, FRAMES / 5.0, 1, 3), dir.resolve("walk.mp4"));
        Files.copy(clip, Files.createDirectories(dir.resolve("a")).resolve("door.mp4"));
        Files.copy(clip, Files.createDirectories(dir.resolve("b")).resolve("hall.mp4"));
        Path damaged = Files.writeString(dir.resolve("b/yard.mp4"), "not a video");

        // when: the scan runs
        Outcome failed = run();

        // then: it failed on the damaged file only
        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.frames().values()).containsExactly(FRAMES, FRAMES);

        // when: the file is replaced and the same execution restarted
        Files.copy(clip, damaged, StandardCopyOption.REPLACE_EXISTING);
        Outcome restarted = run("--restartable-scan.restart=" + failed.execution().getId());

        // then: the same job instance completed; the two finished videos kept the failed run's rows
        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.execution().getJobInstanceId()).isEqualTo(failed.execution().getJobInstanceId());
        assertThat(restarted.frames().values()).containsExactly(FRAMES, FRAMES, FRAMES);
        failed.firstStep().forEach((video, step) ->
                assertThat(restarted.firstStep().get(video)).as("step execution of %s's rows", video).isEqualTo(step));
    }

    private Outcome run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RestartableScanApplication.class)
                .properties("edgebatch.model.path=" + SharedData.fastModel(),
                        "restartable-scan.folders.cam-a=" + dir.resolve("a"), "restartable-scan.folders.cam-b=" + dir.resolve("b"),
                        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0")
                .run(args)) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            Map<String, Long> frames = new TreeMap<>();
            Map<String, Long> firstStep = new TreeMap<>();
            for (Map<String, Object> row : jdbc.queryForList(
                    "SELECT VIDEO_ID, COUNT(*) AS N, MIN(STEP_EXECUTION_ID) AS S FROM EB_FRAME GROUP BY VIDEO_ID")) {
                frames.put((String) row.get("VIDEO_ID"), ((Number) row.get("N")).longValue());
                firstStep.put((String) row.get("VIDEO_ID"), ((Number) row.get("S")).longValue());
            }
            return new Outcome(context.getBean(ScanRunner.class).lastExecution(), frames, firstStep);
        }
    }
}
