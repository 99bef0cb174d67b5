package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.job.LaunchRefusedException;
import org.edgebatch.job.PartitionView;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partition that fails in the middle of its video, restarted: the detections equal those of an uninterrupted run
 * (same rows, none twice, none missing) and no frame committed before the failure is inferred again.
 */
class RestartTests {

    private static final int FRAMES = 80;
    private static final int CHUNK = 8;
    private static final long FAIL_AT = 21;

    @TempDir
    Path dir;

    JobSpec spec;

    @BeforeEach
    void footage() throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(640, 360, 10, FRAMES / 10.0, 2, 6), videos.resolve("walk.mp4"));
        spec = Specs.load(dir, "restart", """
                name: restart
                input:
                  paths: [%s]
                model:
                  path: %s
                chunkSize: %d
                threads: 2
                output: %s
                publish:
                  target: none
                """.formatted(videos, SharedData.fastModel(), CHUNK, dir.resolve("out")));
    }

    @Test
    void aPartitionFailedMidVideoRestartsAfterItsLastCommittedChunkAndEndsWithTheRowsOfAnUninterruptedRun() {
        JobExecution failed;
        long firstPartition;
        try (EdgeBatchContext context = EdgeBatchContext.start(dir, FailureInjection.class)) {
            // given: the detect worker fails when it reaches frame 21, in the third chunk
            FailureInjection.Trap trap = context.bean(FailureInjection.Trap.class);
            trap.arm(FAIL_AT);

            // when
            failed = context.jobs().launch(spec, LaunchOptions.of("restart.yaml"));

            // then
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            JobStatusView status = context.executions().status(failed.getId());
            PartitionView partition = status.partitions().getFirst();
            assertThat(partition.status()).isEqualTo("FAILED");
            assertThat(partition.failure()).isEqualTo("injected failure at frame 21");
            assertThat(partition.lastFrameIndex()).isEqualTo(2 * CHUNK - 1);
            assertThat(status.failure()).isEqualTo("injected failure at frame 21");
            firstPartition = frameSteps(context.jdbc(), instance(failed)).iterator().next();
        }

        // when: restarted by a new process, which has only the execution id
        try (EdgeBatchContext context = EdgeBatchContext.start(dir, FailureInjection.class)) {
            FailureInjection.Trap trap = context.bean(FailureInjection.Trap.class);
            JobExecution restarted = context.jobs().restart(failed.getId());
            JobExecution reference = context.jobs().launch(spec, LaunchOptions.of("restart.yaml"));

            // then
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(instance(failed));
            assertThat(reference.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JdbcTemplate jdbc = context.jdbc();
            assertThat(detections(jdbc, instance(failed))).isNotEmpty().isEqualTo(detections(jdbc, reference.getJobInstance().getInstanceId()));
            assertThat(count(jdbc, "EB_DETECTION", instance(failed))).isEqualTo(detections(jdbc, instance(failed)).size());
            assertThat(count(jdbc, "EB_FRAME", instance(failed))).isEqualTo(FRAMES);

            // frames of the two chunks committed before the failure keep the first execution's mark; the rest the restart's
            List<Map<String, Object>> frames = jdbc.queryForList("SELECT FRAME_INDEX, STEP_EXECUTION_ID FROM EB_FRAME"
                    + " WHERE JOB_INSTANCE_ID = ? ORDER BY FRAME_INDEX", instance(failed));
            for (Map<String, Object> frame : frames) {
                long index = ((Number) frame.get("FRAME_INDEX")).longValue();
                long step = ((Number) frame.get("STEP_EXECUTION_ID")).longValue();
                if (index < 2 * CHUNK) {
                    assertThat(step).as("frame %d", index).isEqualTo(firstPartition);
                } else {
                    assertThat(step).as("frame %d", index).isNotEqualTo(firstPartition);
                }
            }
            // the restart inferred nothing before the failed chunk (this process saw the restart and the reference run)
            for (long index = 0; index < FRAMES; index++) {
                assertThat(trap.timesProcessed(index)).as("frame %d, restart + reference", index).isEqualTo(index < 2 * CHUNK ? 1 : 2);
            }
        }
    }

    @Test
    void aRunLeftStartedByAKilledProcessIsRecoveredThenRestartedButOneStillAliveIsNot() throws Exception {
        try (EdgeBatchContext context = EdgeBatchContext.start(dir, FailureInjection.class)) {
            // given: a run that died with its executions left STARTED, as a killed process leaves them
            context.bean(FailureInjection.Trap.class).arm(FAIL_AT);
            JobExecution run = context.jobs().launch(spec, LaunchOptions.of("restart.yaml"));
            JdbcTemplate jdbc = context.jdbc();
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?", run.getId());
            jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL"
                    + " WHERE JOB_EXECUTION_ID = ? AND STATUS = 'FAILED'", run.getId());
            ProcessHeartbeat heartbeat = context.bean(ProcessHeartbeat.class);
            jdbc.update("INSERT INTO EB_HEARTBEAT (JOB_EXECUTION_ID, HOST, PID, STARTED, LAST_SEEN) VALUES (?, ?, ?, ?, ?)",
                    run.getId(), heartbeat.host(), ProcessHandle.current().pid(), System.currentTimeMillis(), System.currentTimeMillis());

            // when / then: while its process is alive, restart is refused, naming it
            assertThatThrownBy(() -> context.jobs().restart(run.getId()))
                    .isInstanceOf(LaunchRefusedException.class)
                    .hasMessage("execution " + run.getId() + " is still running in process " + ProcessHandle.current().pid()
                            + " on " + heartbeat.host() + "; stop it first (edgebatch stop " + run.getId() + ")");
            assertThat(context.executions().status(run.getId()).runner()).isEqualTo(heartbeat.host() + " " + ProcessHandle.current().pid());

            // when: its process is gone
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            jdbc.update("UPDATE EB_HEARTBEAT SET PID = ? WHERE JOB_EXECUTION_ID = ?", gone.pid(), run.getId());
            JobExecution restarted = context.jobs().restart(run.getId());

            // then
            assertThat(context.executions().status(run.getId()).status()).isEqualTo("FAILED");
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(count(jdbc, "EB_FRAME", instance(run))).isEqualTo(FRAMES);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EB_HEARTBEAT", Integer.class)).isZero();
        }
    }

    private static long instance(JobExecution execution) {
        return execution.getJobInstance().getInstanceId();
    }

    private static Set<Long> frameSteps(JdbcTemplate jdbc, long instance) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT STEP_EXECUTION_ID FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?",
                Long.class, instance));
    }

    private static Set<List<Object>> detections(JdbcTemplate jdbc, long instance) {
        Set<List<Object>> rows = new HashSet<>();
        jdbc.query("SELECT VIDEO_ID, FRAME_INDEX, DET_INDEX, NODE_ID, TIMESTAMP_MICROS, CLASS_ID, LABEL, SCORE, X1, Y1, X2, Y2"
                + " FROM EB_DETECTION WHERE JOB_INSTANCE_ID = ?", rs -> {
                    rows.add(List.of(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getInt(6),
                            rs.getString(7), rs.getFloat(8), rs.getFloat(9), rs.getFloat(10), rs.getFloat(11), rs.getFloat(12)));
                }, instance);
        return rows;
    }

    private static int count(JdbcTemplate jdbc, String table, long instance) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE JOB_INSTANCE_ID = ?", Integer.class, instance);
    }
}
