package org.edgebatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job composed only from the public builders ({@link BuilderComposedJob}) is killed with SIGKILL in the middle of a
 * video, then restarted by a new process through Spring Batch's JobOperator: it ends with exactly the rows of an
 * uninterrupted run, and the frames committed before the kill are not read again.
 */
class BuilderJobKillRestartTests {

    private static final int FPS = 10;
    private static final int SECONDS = 12;
    private static final int FRAMES = FPS * SECONDS;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    private static final String DETECTIONS = "SELECT VIDEO_ID, FRAME_INDEX, DET_INDEX, NODE_ID, TIMESTAMP_MICROS, CLASS_ID, LABEL,"
            + " SCORE, X1, Y1, X2, Y2 FROM EB_DETECTION";
    private static final String EVENTS = "SELECT VIDEO_ID, LABEL, START_FRAME, END_FRAME, MAX_SCORE, BEST_FRAME, DETECTIONS FROM EB_EVENT";

    @TempDir
    Path dir;

    @Test
    void aBuilderComposedJobKilledMidVideoRestartsInANewProcessToTheRowsOfAnUninterruptedRun() throws Exception {
        // given: a 20 s clip of a person walking, read at every frame, 8 frames a chunk
        Path video = WalkingFootage.render(WalkingFootage.walking(640, 360, FPS, SECONDS, 2, SECONDS - 2), dir.resolve("walk.mp4"));
        Path killedDb = dir.resolve("killed/db");

        // when: the job has committed a few chunks, its JVM is killed
        Process run = start("run", killedDb, video, dir.resolve("killed/events"));
        awaitFrames(run, killedDb, 40);
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the killed job ends").isTrue();

        // then: it stopped in the middle of the video, in whole chunks, its execution left STARTED
        Map<Long, Long> committed = frameSteps(killedDb);
        assertThat(committed.size()).as("frames committed before the kill").isBetween(40, FRAMES - 1);
        assertThat(committed.size() % 8).as("whole chunks").isZero();
        assertThat(rows(killedDb, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly(List.of("STARTED"));

        // when: a new process restarts it
        Process restart = start("restart", killedDb, video, dir.resolve("killed/events"));
        assertCompleted(restart, killedDb, "restart", "restart");

        // then: the frames committed before the kill keep their first step execution; the rest were read once
        Map<Long, Long> after = frameSteps(killedDb);
        assertThat(after).hasSize(FRAMES);
        committed.forEach((frame, step) -> assertThat(after.get(frame)).as("frame %d", frame).isEqualTo(step));
        assertThat(rows(killedDb, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .containsExactly(List.of("FAILED"), List.of("COMPLETED"));

        // when: the same job runs uninterrupted on a fresh database
        Path freshDb = dir.resolve("fresh/db");
        assertCompleted(start("run", freshDb, video, dir.resolve("fresh/events")), freshDb, "run", "uninterrupted run");

        // then: the same detections and events, none twice, none missing
        List<List<Object>> restarted = rows(killedDb, DETECTIONS);
        List<List<Object>> uninterrupted = rows(freshDb, DETECTIONS);
        assertThat(restarted).isNotEmpty().doesNotHaveDuplicates().hasSameSizeAs(uninterrupted);
        assertThat(new HashSet<>(restarted)).isEqualTo(new HashSet<>(uninterrupted));
        assertThat(rows(killedDb, EVENTS)).isNotEmpty().containsExactlyInAnyOrderElementsOf(rows(freshDb, EVENTS));
    }

    private Process start(String mode, Path db, Path video, Path events) throws IOException {
        Files.createDirectories(db.getParent());
        Path log = db.resolveSibling(mode + ".log");
        return new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-Dedgebatch.data=" + SharedData.folder(), "-cp", System.getProperty("java.class.path"),
                BuilderComposedJob.class.getName(), mode, db.toString(), video.toString(), SharedData.fastModel().toString(),
                events.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String log(Path db, String mode) throws IOException {
        return Files.readString(db.resolveSibling(mode + ".log"));
    }

    private static void assertCompleted(Process process, Path db, String mode, String what) throws Exception {
        boolean ended = process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("%s ends within %s: %s", what, RUN_LIMIT, log(db, mode)).isTrue();
        assertThat(process.exitValue()).as("%s exit code: %s", what, log(db, mode)).isZero();
    }

    /** Waits until the job has committed {@code frames} frames, failing if it ends first or takes too long. */
    private static void awaitFrames(Process run, Path db, int frames) throws Exception {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        long seen = 0;
        while (System.nanoTime() < deadline) {
            assertThat(run.isAlive()).as("the job ended after %d frames, before it could be killed: %s", seen, log(db, "run"))
                    .isTrue();
            try {
                seen = ((Number) rows(db, "SELECT COUNT(*) FROM EB_FRAME").getFirst().getFirst()).longValue();
            } catch (SQLException notYet) {
                // The job has not made its tables yet.
            }
            if (seen >= frames) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the job committed " + seen + " frames in " + RUN_LIMIT + ", expected " + frames);
    }

    private static Map<Long, Long> frameSteps(Path db) throws SQLException {
        Map<Long, Long> steps = new HashMap<>();
        for (List<Object> row : rows(db, "SELECT FRAME_INDEX, STEP_EXECUTION_ID FROM EB_FRAME")) {
            steps.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
        }
        return steps;
    }

    private static List<List<Object>> rows(Path db, String sql) throws SQLException {
        // IFEXISTS: never make the database before the job does, which would take the lock it needs.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE");
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
