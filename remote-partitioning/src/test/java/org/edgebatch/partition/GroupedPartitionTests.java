package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.job.PartitionView;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Partitions that hold several files: one partition reads a node's files in order, a failure in the middle of one of
 * them restarts at its last committed chunk without reopening the files before it, and the rows equal those of a run
 * that gives every file a partition of its own.
 */
class GroupedPartitionTests {

    private static final int FRAMES = 40;
    private static final int CHUNK = 8;

    @TempDir
    Path dir;

    @Test
    void aPartitionOfThreeFilesFailedInTheSecondRestartsThereAndEndsWithTheRowsOfOnePartitionPerFile() throws Exception {
        // given: three 4 s clips of one node in one partition, the worker failing at frame 21 of the second
        Path videos = Files.createDirectories(dir.resolve("videos"));
        for (String name : List.of("a.mp4", "b.mp4", "c.mp4")) {
            WalkingFootage.render(WalkingFootage.walking(320, 180, 10, FRAMES / 10.0, 0.5, 3.5), videos.resolve(name));
        }
        JobExecution failed;
        try (EdgeBatchContext context = EdgeBatchContext.start(dir, FailureInjection.class)) {
            context.bean(FailureInjection.Trap.class).arm("v1", 21);

            // when
            failed = context.jobs().launch(spec("grouped", videos, 100), LaunchOptions.of("grouped.yaml"));

            // then: one partition, the first file done, the second at its last committed chunk, the third not begun
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            JobStatusView status = context.executions().status(failed.getId());
            PartitionView detect = status.partitions().stream().filter(p -> p.step().equals("detectWorker")).findFirst().orElseThrow();
            assertThat(status.partitions()).filteredOn(p -> p.step().equals("detectWorker")).hasSize(1);
            assertThat(detect.partition()).isEqualTo("local-v0");
            assertThat(detect.status()).isEqualTo("FAILED");
            assertThat(detect.failure()).isEqualTo("injected failure at frame 21");
            assertThat(detect.frames()).isEqualTo(3 * FRAMES);
            assertThat(detect.files()).extracting(f -> Path.of(f.video()).getFileName().toString(), PartitionView.FileView::framesDone)
                    .containsExactly(tuple("a.mp4", (long) FRAMES), tuple("b.mp4", 2L * CHUNK), tuple("c.mp4", 0L));
            assertThat(context.executions().progress(failed.getId())).satisfies(progress -> {
                assertThat(progress.framesDone()).isEqualTo(FRAMES + 2L * CHUNK);
                assertThat(progress.framesTotal()).isEqualTo(3L * FRAMES);
                assertThat(progress.partitionsTotal()).isEqualTo(1);
                assertThat(progress.partitionsDone()).isZero();
            });
        }

        // when: restarted by a new process, then the same footage planned one partition per file
        try (EdgeBatchContext context = EdgeBatchContext.start(dir, FailureInjection.class)) {
            FailureInjection.Trap trap = context.bean(FailureInjection.Trap.class);
            JobExecution restarted = context.jobs().restart(failed.getId());
            JobExecution perFile = context.jobs().launch(spec("per-file", videos, 1), LaunchOptions.of("per-file.yaml"));

            // then
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(perFile.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JdbcTemplate jdbc = context.jdbc();
            long grouped = failed.getJobInstance().getInstanceId();
            long single = perFile.getJobInstance().getInstanceId();
            assertThat(Rows.detections(jdbc, grouped)).isNotEmpty().isEqualTo(Rows.detections(jdbc, single));
            assertThat(Rows.frames(jdbc, grouped)).hasSize(3 * FRAMES).isEqualTo(Rows.frames(jdbc, single));
            assertThat(Rows.events(jdbc, grouped)).isNotEmpty().isEqualTo(Rows.events(jdbc, single));
            assertThat(context.executions().status(perFile.getId()).partitions()).filteredOn(p -> p.step().equals("detectWorker"))
                    .hasSize(3);

            // the restart inferred nothing of the first file and nothing of the second before its failed chunk
            for (long index = 0; index < FRAMES; index++) {
                assertThat(trap.timesProcessed("v0", index)).as("v0 frame %d, restart + per-file run", index).isEqualTo(1);
                assertThat(trap.timesProcessed("v1", index)).as("v1 frame %d", index).isEqualTo(index < 2 * CHUNK ? 1 : 2);
                assertThat(trap.timesProcessed("v2", index)).as("v2 frame %d", index).isEqualTo(2);
            }
            JobStatusView status = context.executions().status(restarted.getId());
            assertThat(status.partitions()).filteredOn(p -> p.step().equals("detectWorker")).singleElement()
                    .satisfies(p -> assertThat(p.files()).extracting(PartitionView.FileView::framesDone).containsOnly((long) FRAMES));
        }
    }

    @Test
    void detectionsAndEventsOfOnePartitionOverTheSampleClipsEqualThoseOfOnePartitionPerClip() throws Exception {
        // given: every sample clip, sampled at 1 fps through the motion gate (each file starts a gate of its own)
        Path clips = SharedData.folder().resolve("video");

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            // when
            JobExecution grouped = context.jobs().launch(sampleSpec("grouped", clips, 100), LaunchOptions.of("grouped.yaml"));
            JobExecution perFile = context.jobs().launch(sampleSpec("per-file", clips, 1), LaunchOptions.of("per-file.yaml"));

            // then
            assertThat(grouped.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(perFile.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JdbcTemplate jdbc = context.jdbc();
            long groupedId = grouped.getJobInstance().getInstanceId();
            long perFileId = perFile.getJobInstance().getInstanceId();
            assertThat(context.executions().status(grouped.getId()).partitions()).filteredOn(p -> p.step().equals("detectWorker"))
                    .singleElement().satisfies(p -> assertThat(p.files()).hasSize(5));
            assertThat(context.executions().status(perFile.getId()).partitions()).filteredOn(p -> p.step().equals("detectWorker"))
                    .hasSize(5);
            assertThat(Rows.frames(jdbc, groupedId)).isNotEmpty().isEqualTo(Rows.frames(jdbc, perFileId));
            assertThat(Rows.detections(jdbc, groupedId)).isNotEmpty().isEqualTo(Rows.detections(jdbc, perFileId));
            assertThat(Rows.events(jdbc, groupedId)).isNotEmpty().isEqualTo(Rows.events(jdbc, perFileId));
            assertThat(context.executions().report(grouped.getId()).totals().files()).isEqualTo(5);
        }
    }

    @Test
    void aNodeWithOneLongFileAndManyShortOnesRunsThemInTwoPartitionsAtOnce() throws Exception {
        // given: a 30 s file and four 2 s files on one node with two slots, at most 10 s of footage a partition
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 30, 2, 28), videos.resolve("long.mp4"));
        for (int i = 1; i <= 4; i++) {
            WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 2, 0.2, 1.8), videos.resolve("s" + i + ".mp4"));
        }
        JobSpec spec = Specs.load(dir, "busy", """
                name: busy
                input:
                  paths: [%s]
                  partitionSeconds: 10
                model:
                  path: %s
                chunkSize: 8
                threads: 1
                concurrency: 2
                output: %s
                publish:
                  target: none
                """.formatted(videos, SharedData.fastModel(), dir.resolve("out")));

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            // when
            JobExecution run = context.jobs().launch(spec, LaunchOptions.of("busy.yaml"));

            // then: the long file alone, the short ones together, and both ran at the same time
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(context.executions().status(run.getId()).partitions()).filteredOn(p -> p.step().equals("detectWorker"))
                    .extracting(PartitionView::partition, p -> p.files().size())
                    .containsExactly(tuple("local-v0", 1), tuple("local-v1", 4));
            List<org.springframework.batch.core.step.StepExecution> detect = context.jobRepository().getJobExecution(run.getId())
                    .getStepExecutions().stream().filter(step -> step.getStepName().startsWith("detectWorker:")).toList();
            assertThat(detect).hasSize(2);
            var first = detect.get(0);
            var second = detect.get(1);
            assertThat(first.getStartTime()).as("one started before the other ended").isBefore(second.getEndTime());
            assertThat(second.getStartTime()).as("one started before the other ended").isBefore(first.getEndTime());
            assertThat(context.jdbc().queryForObject("SELECT COUNT(*) FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?", Integer.class,
                    run.getJobInstance().getInstanceId())).isEqualTo(300 + 4 * 20);
        }
    }

    private JobSpec spec(String name, Path videos, int partitionFiles) {
        return Specs.load(dir, name, """
                name: %s
                input:
                  paths: [%s]
                  partitionFiles: %d
                model:
                  path: %s
                chunkSize: %d
                threads: 2
                output: %s
                publish:
                  target: none
                """.formatted(name, videos, partitionFiles, SharedData.fastModel(), CHUNK, dir.resolve("out")));
    }

    private JobSpec sampleSpec(String name, Path clips, int partitionFiles) {
        return Specs.load(dir, name, """
                name: %s
                input:
                  paths: [%s]
                  partitionFiles: %d
                model:
                  path: %s
                sampling:
                  fps: 1
                motion:
                  enabled: true
                chunkSize: 8
                threads: 2
                output: %s
                publish:
                  target: none
                """.formatted(name, clips, partitionFiles, SharedData.fastModel(), dir.resolve("out")));
    }

    /** Rows of a job instance, without what differs between instances (ids, step executions). */
    static final class Rows {

        static List<List<Object>> detections(JdbcTemplate jdbc, long instance) {
            List<List<Object>> rows = new ArrayList<>();
            jdbc.query("SELECT VIDEO_ID, FRAME_INDEX, DET_INDEX, NODE_ID, TIMESTAMP_MICROS, CLASS_ID, LABEL, SCORE, X1, Y1, X2, Y2"
                    + " FROM EB_DETECTION WHERE JOB_INSTANCE_ID = ? ORDER BY VIDEO_ID, FRAME_INDEX, DET_INDEX", rs -> {
                        rows.add(List.of(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getInt(6),
                                rs.getString(7), rs.getFloat(8), rs.getFloat(9), rs.getFloat(10), rs.getFloat(11), rs.getFloat(12)));
                    }, instance);
            return rows;
        }

        static List<List<Object>> frames(JdbcTemplate jdbc, long instance) {
            List<List<Object>> rows = new ArrayList<>();
            jdbc.query("SELECT VIDEO_ID, FRAME_INDEX, TIMESTAMP_MICROS, INFERRED, MOTION_SKIPPED, DETECTIONS FROM EB_FRAME"
                    + " WHERE JOB_INSTANCE_ID = ? ORDER BY VIDEO_ID, FRAME_INDEX", rs -> {
                        rows.add(List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6)));
                    }, instance);
            return rows;
        }

        static List<List<Object>> events(JdbcTemplate jdbc, long instance) {
            List<List<Object>> rows = new ArrayList<>();
            jdbc.query("SELECT VIDEO_ID, LABEL, START_FRAME, END_FRAME, START_MICROS, END_MICROS, MAX_SCORE, BEST_FRAME, NODE_ID"
                    + " FROM EB_EVENT WHERE JOB_INSTANCE_ID = ? ORDER BY VIDEO_ID, LABEL, START_FRAME", rs -> {
                        rows.add(List.of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                                rs.getFloat(7), rs.getLong(8), rs.getString(9)));
                    }, instance);
            return rows;
        }
    }
}
