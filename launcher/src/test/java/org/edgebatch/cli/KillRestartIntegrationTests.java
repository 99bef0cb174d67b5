package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker process killed with SIGKILL in the middle of a video, then {@code restart} in a new process: the job
 * completes with exactly the detections of an uninterrupted run, and no frame committed before the kill is inferred
 * again.
 */
@ExtendWith(KeepersGone.class)
class KillRestartIntegrationTests {

    private static final int FPS = 10;
    private static final int SECONDS = 20;
    private static final int FRAMES = FPS * SECONDS;
    private static final String DETECTIONS = "SELECT VIDEO_ID, FRAME_INDEX, DET_INDEX, NODE_ID, TIMESTAMP_MICROS, CLASS_ID, LABEL,"
            + " SCORE, X1, Y1, X2, Y2 FROM EB_DETECTION";

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidVideoIsRestartedInANewProcessToTheRowsOfAnUninterruptedRunWithoutInferringCommittedFramesAgain()
            throws Exception {
        // given: a 20 s clip read at every frame, 8 frames a chunk
        TestData.walking(dir.resolve("videos/walk.mp4"), 640, 360, FPS, SECONDS, 2, SECONDS - 2);
        Path spec = TestData.fastModelSpec(dir, "killed", 8);
        Path home = Files.createDirectories(dir.resolve("home"));
        RepositoryQueries repository = RepositoryQueries.ofHome(home);

        // when: the run has committed a few chunks, its JVM is killed
        CliProcess.Started run = CliProcess.start(home, "run", spec.toString(), "--progress", "log");
        repository.awaitCount(run, "it could be killed (40 frames)", 40, "SELECT COUNT(*) FROM EB_FRAME");
        // No grace period: every chunk seen committed must survive the kill (the repository writes each commit through).
        assertThat(run.process().isAlive()).as("the run ended before it could be killed: %s", run.stderr()).isTrue();
        run.process().destroyForcibly();
        assertThat(run.process().waitFor()).as("killed by SIGKILL").isEqualTo(128 + 9);

        // then: it was killed in the middle of the video, leaving its execution STARTED
        Map<Long, Long> committed = frameSteps(repository);
        assertThat(committed.size()).as("frames committed before the kill").isBetween(40, FRAMES - 1);
        assertThat(committed.size() % 8).as("whole chunks").isZero();
        Set<Long> firstSteps = new HashSet<>(committed.values());
        assertThat(firstSteps).hasSize(1);
        List<List<Object>> executions = repository.rows("SELECT JOB_EXECUTION_ID, STATUS FROM BATCH_JOB_EXECUTION");
        assertThat(executions).hasSize(1);
        assertThat(executions.getFirst().get(1)).isEqualTo("STARTED");
        long killed = ((Number) executions.getFirst().getFirst()).longValue();

        // when: restarted by a new process
        CliProcess.Finished restart = CliProcess.run(home, Duration.ofMinutes(4), "restart", Long.toString(killed), "--progress", "log");

        // then
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(restart.out()).contains("Job killed, execution ").contains(": COMPLETED");
        assertThat(repository.rows("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", killed))
                .containsExactly(List.of("FAILED"));

        // and: the frames committed before the kill keep the first execution's mark; every other frame was read once, by the restart
        Map<Long, Long> after = frameSteps(repository);
        assertThat(after).hasSize(FRAMES);
        committed.forEach((frame, step) -> assertThat(after.get(frame)).as("frame %d", frame).isEqualTo(step));
        long restartStep = after.values().stream().filter(step -> !firstSteps.contains(step)).distinct()
                .reduce((a, b) -> { throw new AssertionError("more than one restart step: " + a + ", " + b); }).orElseThrow();
        assertThat(after.values().stream().filter(step -> step == restartStep).count()).isEqualTo(FRAMES - committed.size());

        // when: the same job runs uninterrupted in a fresh home
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        CliProcess.Finished reference = CliProcess.run(fresh, Duration.ofMinutes(4), "run", spec.toString(), "--progress", "none");
        assertThat(reference.exitCode()).as(reference.toString()).isZero();

        // then: the same detections, none twice, none missing
        List<List<Object>> restarted = RepositoryQueries.ofHome(home).rows(DETECTIONS);
        List<List<Object>> uninterrupted = RepositoryQueries.ofHome(fresh).rows(DETECTIONS);
        assertThat(restarted).isNotEmpty().doesNotHaveDuplicates();
        assertThat(uninterrupted).doesNotHaveDuplicates();
        assertThat(new HashSet<>(restarted)).isEqualTo(new HashSet<>(uninterrupted));
        assertThat(restarted).hasSameSizeAs(uninterrupted);
    }

    @Test
    void aRunKilledInTheSecondFileOfAPartitionOfThreeRestartsThereWithoutReopeningTheFirst() throws Exception {
        // given: three clips of one node in one partition (a 4 s, b 20 s, c 4 s), every frame, 8 frames a chunk
        TestData.walking(dir.resolve("videos/a.mp4"), 320, 180, FPS, 4, 0.5, 3.5);
        TestData.walking(dir.resolve("videos/b.mp4"), 640, 360, FPS, SECONDS, 2, SECONDS - 2);
        TestData.walking(dir.resolve("videos/c.mp4"), 320, 180, FPS, 4, 0.5, 3.5);
        int total = 40 + FRAMES + 40;
        Path spec = TestData.fastModelSpec(dir, "grouped", 8);
        Path home = Files.createDirectories(dir.resolve("home"));
        RepositoryQueries repository = RepositoryQueries.ofHome(home);

        // when: the run has committed the first file and a few chunks of the second, its JVM is killed
        CliProcess.Started run = CliProcess.start(home, "run", spec.toString(), "--progress", "log");
        repository.awaitCount(run, "it could be killed (40 frames of b.mp4)", 40,
                "SELECT COUNT(*) FROM EB_FRAME WHERE VIDEO_ID = 'v1'");
        assertThat(run.process().isAlive()).as("the run ended before it could be killed: %s", run.stderr()).isTrue();
        run.process().destroyForcibly();
        assertThat(run.process().waitFor()).as("killed by SIGKILL").isEqualTo(128 + 9);

        // then: one partition holding the three files, killed in the second
        assertThat(repository.rows("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'detectWorker:%'"))
                .containsExactly(List.of("detectWorker:local-v0"));
        Map<String, Long> committed = fileFrameSteps(repository);
        long committedOfB = committed.keySet().stream().filter(key -> key.startsWith("v1:")).count();
        assertThat(committed.keySet().stream().filter(key -> key.startsWith("v0:"))).as("a.mp4 done").hasSize(40);
        assertThat(committedOfB).as("frames of b.mp4 committed before the kill").isBetween(40L, FRAMES - 1L);
        assertThat(committed.keySet().stream().filter(key -> key.startsWith("v2:"))).as("c.mp4 not begun").isEmpty();
        assertThat(committed.size() % 8).as("whole chunks").isZero();
        long killed = ((Number) repository.rows("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION").getFirst().getFirst()).longValue();
        JsonNode killedStatus = JsonMapper.shared().readTree(Cli.run("status", Long.toString(killed), "--db",
                home.resolve(".edgebatch/db").toString(), "--json").out());
        JsonNode files = killedStatus.get("partitions").get(0).get("files");
        assertThat(files.valueStream().map(file -> file.get("framesDone").asLong())).containsExactly(40L, committedOfB, 0L);

        // when: restarted by a new process
        CliProcess.Finished restart = CliProcess.run(home, Duration.ofMinutes(4), "restart", Long.toString(killed), "--progress", "log");

        // then: the first file was not read again; the second resumed after its last committed chunk
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        Map<String, Long> after = fileFrameSteps(repository);
        assertThat(after).hasSize(total);
        committed.forEach((frame, step) -> assertThat(after.get(frame)).as("frame %s", frame).isEqualTo(step));
        assertThat(after.entrySet().stream().filter(e -> !committed.containsKey(e.getKey())).map(Map.Entry::getValue).distinct())
                .as("one restart step wrote every other frame").hasSize(1);

        // and: the same detections as an uninterrupted run with one partition per file
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        Path perFile = TestData.spec(dir, "per-file", Files.readString(spec).replace("input: {paths: [videos]}",
                "input: {paths: [videos], partitionFiles: 1}"));
        CliProcess.Finished reference = CliProcess.run(fresh, Duration.ofMinutes(4), "run", perFile.toString(), "--progress", "none");
        assertThat(reference.exitCode()).as(reference.toString()).isZero();
        assertThat(RepositoryQueries.ofHome(fresh).rows("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'detectWorker:%'"))
                .containsExactly(List.of(3L));
        List<List<Object>> restarted = RepositoryQueries.ofHome(home).rows(DETECTIONS);
        List<List<Object>> uninterrupted = RepositoryQueries.ofHome(fresh).rows(DETECTIONS);
        assertThat(restarted).isNotEmpty().doesNotHaveDuplicates();
        assertThat(new HashSet<>(restarted)).isEqualTo(new HashSet<>(uninterrupted));
        assertThat(restarted).hasSameSizeAs(uninterrupted);
    }

    /** The step execution that wrote each frame, by {@code <video>:<frame>}. */
    private static Map<String, Long> fileFrameSteps(RepositoryQueries repository) {
        Map<String, Long> steps = new HashMap<>();
        for (List<Object> row : repository.rows("SELECT VIDEO_ID, FRAME_INDEX, STEP_EXECUTION_ID FROM EB_FRAME")) {
            steps.put(row.get(0) + ":" + ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue());
        }
        return steps;
    }

    private static Map<Long, Long> frameSteps(RepositoryQueries repository) {
        Map<Long, Long> steps = new HashMap<>();
        for (List<Object> row : repository.rows("SELECT FRAME_INDEX, STEP_EXECUTION_ID FROM EB_FRAME")) {
            steps.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
        }
        return steps;
    }
}
