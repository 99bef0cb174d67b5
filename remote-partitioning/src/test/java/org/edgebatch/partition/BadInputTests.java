package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.job.LaunchRefusedException;
import org.edgebatch.job.PartitionView;
import org.edgebatch.node.InventoryException;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.edgebatch.video.FootageRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

class BadInputTests {

    @TempDir
    Path dir;

    @Test
    void aTruncatedFileFailsItsPartitionNamingItWhileTheOtherCompletesAndARestartAfterTheFixCompletes() throws Exception {
        // given: two videos on one node, one cut in half as an interrupted copy leaves it
        Path videos = Files.createDirectories(dir.resolve("videos"));
        FootageRenderer.Builder footage = WalkingFootage.walking(320, 180, 10, 4, 1, 3).faststart(true);
        WalkingFootage.render(footage, videos.resolve("good.mp4"));
        Path cut = WalkingFootage.render(footage, videos.resolve("cut.mp4"));
        byte[] whole = Files.readAllBytes(cut);
        WalkingFootage.settled(Files.write(cut, Arrays.copyOf(whole, whole.length / 2)));
        JobSpec spec = spec(videos, SharedData.fastModel(), 1);

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            // when
            JobExecution run = context.jobs().launch(spec, LaunchOptions.of("bad.yaml"));

            // then
            assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
            JobStatusView status = context.executions().status(run.getId());
            PartitionView broken = status.partitions().stream().filter(p -> p.video().endsWith("cut.mp4")).findFirst().orElseThrow();
            PartitionView fine = status.partitions().stream().filter(p -> p.video().endsWith("good.mp4")).findFirst().orElseThrow();
            assertThat(broken.status()).isEqualTo("FAILED");
            assertThat(broken.failure()).startsWith(cut.toRealPath() + ": truncated: the video data ends at ");
            assertThat(fine.status()).isEqualTo("COMPLETED");
            assertThat(status.failure()).isEqualTo(broken.failure());

            // when: the file is copied again, whole, and the job restarted
            Files.write(cut, whole);
            JobExecution restarted = context.jobs().restart(run.getId());

            // then
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(context.jdbc().queryForObject("SELECT COUNT(*) FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?", Integer.class,
                    run.getJobInstance().getInstanceId())).isEqualTo(2 * 40);
        }
    }

    @Test
    void aRecordersFolderCompletesWithTheGoodClipsTheBadOnesLeftOutWithTheirReasonsAndTheFreshOneDeferred() throws Exception {
        // given: two good clips, an empty file, an MP4 cut before its index (as a recorder leaves the segment it is
        // writing), and a good clip written a moment ago
        Path videos = Files.createDirectories(dir.resolve("videos"));
        FootageRenderer.Builder footage = WalkingFootage.walking(320, 180, 10, 2, 0.5, 1.5);
        WalkingFootage.render(footage, videos.resolve("a.mp4"));
        WalkingFootage.render(footage, videos.resolve("b.mp4"));
        Path empty = WalkingFootage.settled(Files.createFile(videos.resolve("empty.mp4")));
        Path recording = WalkingFootage.render(footage, videos.resolve("recording.mp4"));
        byte[] whole = Files.readAllBytes(recording);
        WalkingFootage.settled(Files.write(recording, Arrays.copyOf(whole, whole.length * 3 / 4)));
        Path fresh = WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 2, 0.5, 1.5).modifiedAgo(Duration.ZERO),
                videos.resolve("fresh.mp4"));
        JobSpec spec = spec(videos, SharedData.fastModel());

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            // when
            JobExecution run = context.jobs().launch(spec, LaunchOptions.of("bad.yaml"));

            // then: the good clips are processed
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JobStatusView status = context.executions().status(run.getId());
            assertThat(status.partitions()).filteredOn(p -> p.step().equals("detectWorker")).flatExtracting(PartitionView::files)
                    .extracting(f -> Path.of(f.video()).getFileName().toString(), PartitionView.FileView::framesDone)
                    .containsExactly(tuple("a.mp4", 20L), tuple("b.mp4", 20L));
            assertThat(context.jdbc().queryForObject("SELECT COUNT(*) FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?", Integer.class,
                    run.getJobInstance().getInstanceId())).isEqualTo(2 * 20);

            // and the others are listed with their reasons, in status, the report and the summary
            assertThat(status.leftOut()).extracting(RunReport.LeftOut::path, RunReport.LeftOut::kind).containsExactlyInAnyOrder(
                    tuple(empty.toRealPath().toString(), "unreadable"), tuple(recording.toRealPath().toString(), "unreadable"),
                    tuple(fresh.toRealPath().toString(), "deferred"));
            assertThat(status.leftOut()).allSatisfy(file -> assertThat(file.reason()).isNotBlank());
            assertThat(status.leftOut()).filteredOn(file -> file.kind().equals("deferred")).singleElement()
                    .satisfies(file -> assertThat(file.reason()).contains("within input.settleSeconds (30 s)"));
            RunReport report = context.executions().report(run.getId());
            assertThat(report.leftOut()).isEqualTo(status.leftOut());
            assertThat(report.totals().files()).isEqualTo(2);
            assertThat(context.executions().summary(run.getId()))
                    .contains("2 file(s) left out, not readable videos:")
                    .contains(empty.toRealPath() + " (local): ")
                    .contains("1 file(s) deferred to the next run, modified within input.settleSeconds:")
                    .contains(fresh.toRealPath() + " (local)");
        }
    }

    @Test
    void aFileThatIsNoVideoNamedDirectlyIsRefusedNamingItBeforeAnyJobInstanceExists() throws Exception {
        // given
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 1, 0, 1), videos.resolve("good.mp4"));
        Path notes = WalkingFootage.settled(Files.writeString(videos.resolve("notes.mp4"), "these are not frames"));
        JobSpec spec = spec(notes, SharedData.fastModel());

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            // when / then
            assertThatThrownBy(() -> context.jobs().launch(spec, LaunchOptions.of("bad.yaml")))
                    .isInstanceOf(InventoryException.class)
                    .hasMessageStartingWith("not a readable video: " + notes.toRealPath() + ": ");
            assertThat(context.jobRepository().getJobNames()).isEmpty();
        }
    }

    @Test
    void aMissingOrBrokenModelIsRefusedBeforeAnyJobInstanceExists() throws Exception {
        // given: a spec whose model was there when it was loaded
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 1, 0, 1), videos.resolve("good.mp4"));
        Path model = Files.copy(SharedData.fastModel(), dir.resolve("model.onnx"));
        JobSpec spec = spec(videos, model);

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            // when: it is gone
            Files.delete(model);

            // then
            assertThatThrownBy(() -> context.jobs().launch(spec, LaunchOptions.of("bad.yaml")))
                    .isInstanceOf(LaunchRefusedException.class)
                    .hasMessage("model file not found: " + model);

            // when: it is not a model
            Files.writeString(model, "not a model");

            // then
            assertThatThrownBy(() -> context.jobs().launch(spec, LaunchOptions.of("bad.yaml")))
                    .isInstanceOf(LaunchRefusedException.class)
                    .hasMessageStartingWith("model " + model + " cannot be used: ");
            assertThat(context.jobRepository().getJobNames()).isEmpty();
        }
    }

    private JobSpec spec(Path videos, Path model) {
        return spec(videos, model, 100);
    }

    private JobSpec spec(Path videos, Path model, int partitionFiles) {
        return Specs.load(dir, "bad", """
                name: bad
                input:
                  paths: [%s]
                  partitionFiles: %d
                model:
                  path: %s
                chunkSize: 8
                threads: 2
                output: %s
                publish:
                  target: none
                """.formatted(videos, partitionFiles, model, dir.resolve("out")));
    }
}
