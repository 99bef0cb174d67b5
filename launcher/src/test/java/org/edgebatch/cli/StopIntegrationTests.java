package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code stop} from a second process, or Ctrl-C (SIGINT), while {@code run} runs, then {@code restart}. */
@ExtendWith(KeepersGone.class)
class StopIntegrationTests {

    // Long enough that the run is still going when a second JVM has started to stop it, even on a fast machine.
    private static final int FRAMES = 1200;

    @TempDir
    Path dir;

    @Test
    void aRunStoppedFromAnotherProcessEndsStoppedWithExitCodeOneAndARestartCompletesIt() throws Exception {
        // given: a run in its own JVM that has committed a few chunks
        Running running = startRunThatCommittedAFewChunks("stopped");
        Path home = running.home();
        RepositoryQueries repository = running.repository();
        CliProcess.Started run = running.run();
        long id = running.id();

        // when
        CliProcess.Finished stop = CliProcess.run(home, Duration.ofMinutes(1), "stop", Long.toString(id));
        CliProcess.Finished stopped = run.await(Duration.ofMinutes(2));

        // then
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).startsWith("Execution " + id + " of job stopped: stop requested (")
                .contains("); its partitions stop after their current chunk in process ");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
        assertThat(stopped.out()).contains("Job stopped, execution " + id + ": STOPPED")
                .contains("STOPPED; run the unfinished part again with: edgebatch restart " + id);
        long framesAtStop = repository.count("SELECT COUNT(*) FROM EB_FRAME");
        assertThat(framesAtStop).isBetween(16L, FRAMES - 1L);

        // when
        CliProcess.Finished restart = CliProcess.run(home, Duration.ofMinutes(3), "restart", Long.toString(id), "--progress", "none");

        // then
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(restart.out()).contains(": COMPLETED");
        assertThat(repository.count("SELECT COUNT(*) FROM EB_FRAME")).isEqualTo(FRAMES);
        assertThat(repository.rows("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .extracting(row -> row.getFirst()).containsExactly("STOPPED", "COMPLETED");

        // and: stopping what no longer runs is refused
        CliProcess.Finished again = CliProcess.run(home, Duration.ofMinutes(1), "stop", Long.toString(id));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("edgebatch stop: execution " + id + " is not running: it is STOPPED\n");
    }

    @Test
    void ctrlCStopsTheRunAfterItsCurrentChunkAndARestartCompletesIt() throws Exception {
        // given: a run that has committed a few chunks
        Running running = startRunThatCommittedAFewChunks("interrupted");
        Path home = running.home();
        RepositoryQueries repository = running.repository();
        CliProcess.Started run = running.run();
        long id = running.id();

        // when: Ctrl-C, which a terminal sends as SIGINT
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
        CliProcess.Finished interrupted = run.await(Duration.ofMinutes(2));

        // then: the JVM ends as interrupted processes do, after stopping the job cleanly
        assertThat(interrupted.exitCode()).as(interrupted.toString()).isEqualTo(128 + 2);
        assertThat(interrupted.err()).contains("edgebatch: stopping execution " + id
                + " after the current chunk (restart it with: edgebatch restart " + id + ")");
        assertThat(repository.rows("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", id))
                .containsExactly(List.of("STOPPED"));
        long framesAtStop = repository.count("SELECT COUNT(*) FROM EB_FRAME");
        assertThat(framesAtStop).isBetween(16L, FRAMES - 1L);
        assertThat(framesAtStop % 4).as("whole chunks").isZero();

        // when
        CliProcess.Finished restart = CliProcess.run(home, Duration.ofMinutes(3), "restart", Long.toString(id), "--progress", "none");

        // then
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(repository.count("SELECT COUNT(*) FROM EB_FRAME")).isEqualTo(FRAMES);
    }

    private record Running(Path home, RepositoryQueries repository, CliProcess.Started run, long id) {
    }

    /** A run of job {@code name} in its own JVM over {@value #FRAMES} frames, once it has committed 16 of them. */
    private Running startRunThatCommittedAFewChunks(String name) throws Exception {
        TestData.walking(dir.resolve("videos/long.mp4"), 320, 180, 10, FRAMES / 10.0, 2, 18);
        Path spec = TestData.fastModelSpec(dir, name, 4);
        Path home = Files.createDirectories(dir.resolve("home"));
        RepositoryQueries repository = RepositoryQueries.ofHome(home);
        CliProcess.Started run = CliProcess.start(home, "run", spec.toString(), "--progress", "log");
        repository.awaitCount(run, "it could be stopped (16 frames)", 16, "SELECT COUNT(*) FROM EB_FRAME");
        return new Running(home, repository, run, repository.count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION"));
    }
}
