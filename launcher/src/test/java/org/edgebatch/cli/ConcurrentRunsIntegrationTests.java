package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs in two processes on the one default job repository, the first to start ending first: the second must not
 * notice (it used to lose its connections, served as they were by the first process's H2).
 */
@ExtendWith(KeepersGone.class)
class ConcurrentRunsIntegrationTests {

    private static final int FIRST_FRAMES = 600;
    private static final int SECOND_FRAMES = 2400;

    @TempDir
    Path dir;

    @Test
    void aRunOutlivingTheRunThatOpenedTheRepositoryCompletes() throws Exception {
        // given: two jobs over footage of their own, the first much shorter
        TestData.walking(dir.resolve("first/a.mp4"), 320, 180, 10, FIRST_FRAMES / 10.0, 2, 18);
        TestData.walking(dir.resolve("second/b.mp4"), 320, 180, 10, SECOND_FRAMES / 10.0, 2, 18);
        Path home = Files.createDirectories(dir.resolve("home"));
        RepositoryQueries repository = RepositoryQueries.ofHome(home);
        String frames = "SELECT COUNT(*) FROM EB_FRAME F JOIN BATCH_JOB_INSTANCE I ON I.JOB_INSTANCE_ID = F.JOB_INSTANCE_ID"
                + " WHERE I.JOB_NAME = ?";

        // when: the first run starts and writes, then the second joins it
        CliProcess.Started first = CliProcess.start(home, "run", spec("first").toString(), "--progress", "log");
        awaitFrames(repository, frames, "first", first);
        CliProcess.Started second = CliProcess.start(home, "run", spec("second").toString(), "--progress", "log");
        awaitFrames(repository, frames, "second", second);
        assertThat(first.process().isAlive()).as("the first run still runs when the second has begun (else lengthen its footage)")
                .isTrue();
        CliProcess.Finished firstEnded = first.await(Duration.ofMinutes(3));
        boolean secondStillRunning = second.process().isAlive();
        CliProcess.Finished secondEnded = second.await(Duration.ofMinutes(5));

        // then
        assertThat(firstEnded.exitCode()).as(firstEnded.toString()).isZero();
        assertThat(secondStillRunning).as("the second run outlives the first (else lengthen its footage)").isTrue();
        assertThat(secondEnded.exitCode()).as(secondEnded.toString()).isZero();
        assertThat(secondEnded.out()).contains(": COMPLETED");
        assertThat(repository.count(frames, "first")).isEqualTo(FIRST_FRAMES);
        assertThat(repository.count(frames, "second")).isEqualTo(SECOND_FRAMES);
    }

    private Path spec(String name) {
        return TestData.spec(dir, name, """
                name: %s
                input: {paths: [%s]}
                model: {path: %s}
                chunkSize: 8
                threads: 1
                output: out-%s
                publish: {target: none}
                """.formatted(name, name, SharedData.fastModel(), name));
    }

    private static void awaitFrames(RepositoryQueries repository, String sql, String job, CliProcess.Started run)
            throws Exception {
        repository.awaitCount(run, "run " + job + " wrote 16 frames", 16, sql, job);
    }
}
