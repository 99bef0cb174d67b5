package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.job.PartitionView;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.publish.Outbox;
import org.edgebatch.publish.OutboxEntry;
import org.edgebatch.publish.OutboxStatus;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PublishAndScheduleTests {

    @TempDir
    Path dir;

    @Test
    void eventsStayInTheOutboxWhileTheTargetCannotBeWrittenAndARestartSendsThemWithTheirManifest() throws Exception {
        // given: the publish target's folder is taken by a file, as an unmounted share can leave it
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 3, 0.5, 2.5), videos.resolve("walk.mp4"));
        Path central = dir.resolve("central");
        Files.writeString(central, "in the way");
        JobSpec spec = spec("publish", videos, "file://" + central);

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            // when
            JobExecution run = context.jobs().launch(spec, LaunchOptions.of("publish.yaml"));

            // then: the job fails at publishing, the events wait in the outbox with the error
            assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
            JobStatusView status = context.executions().status(run.getId());
            assertThat(status.steps()).extracting(JobStatusView.StepView::name, JobStatusView.StepView::status)
                    .endsWith(org.assertj.core.groups.Tuple.tuple("publish", "FAILED"));
            assertThat(status.failure()).contains("could not be published to " + central.toUri());
            Outbox outbox = context.bean(Outbox.class);
            List<OutboxEntry> waiting = outbox.ofInstance(run.getJobInstance().getInstanceId());
            assertThat(waiting).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
                assertThat(entry.attempts()).isEqualTo(1);
                assertThat(entry.lastError()).contains(central.toString());
            });

            // when: the target is back
            Files.delete(central);
            JobExecution restarted = context.jobs().restart(run.getId());

            // then
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(outbox.ofInstance(run.getJobInstance().getInstanceId()))
                    .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(OutboxStatus.SENT));
            Path folder = context.bean(OutputLayout.class).published(central, "publish", run.getId(), "local");
            JsonNode manifest = JsonMapper.shared().readTree(folder.resolve("manifest.json").toFile());
            assertThat(manifest.get("files").size()).isEqualTo(waiting.stream().mapToInt(e -> e.files().size()).sum());
            for (JsonNode file : manifest.get("files")) {
                Path copy = folder.resolve(file.get("name").asString());
                assertThat(copy).exists();
                assertThat(Files.size(copy)).isEqualTo(file.get("bytes").asLong());
            }
        }
    }

    @Test
    void aScheduledRunPlansOnlyTheFilesThatAreNewOrChangedSinceTheJobProcessedThem() throws Exception {
        // given: a job that has processed two files
        Path videos = Files.createDirectories(dir.resolve("videos"));
        Path first = WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 1, 0, 1), videos.resolve("a.mp4"));
        WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 1, 0, 1), videos.resolve("b.mp4"));
        JobSpec spec = spec("nightly", videos, "none");

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            assertThat(context.jobs().launch(spec, LaunchOptions.of("nightly.yaml")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            LaunchOptions scheduled = LaunchOptions.of("nightly.yaml").withOnlyNewOrChanged();

            // then: nothing is new, so a scheduled run launches nothing
            assertThat(context.jobs().validate(spec, scheduled).videos()).isEmpty();
            assertThat(context.jobs().start(spec, scheduled)).isEmpty();

            // when: one file is touched (a while ago: a file touched within input.settleSeconds waits) and one is added
            Files.setLastModifiedTime(first, FileTime.from(Instant.now().minusSeconds(600)));
            Path added = WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 1, 0, 1), videos.resolve("c.mp4"));

            // then
            assertThat(context.jobs().validate(spec, scheduled).videos()).extracting(PlannedVideo::path)
                    .containsExactlyInAnyOrder(first.toRealPath(), added.toRealPath());
            JobExecution run = context.jobs().start(spec, scheduled).orElseThrow().await();
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            // one partition of both files in each of detect and events, listing them
            assertThat(context.executions().status(run.getId()).partitions()).hasSize(2).allSatisfy(partition ->
                    assertThat(partition.files()).extracting(PartitionView.FileView::video)
                            .containsExactly(first.toRealPath().toString(), added.toRealPath().toString()));
            assertThat(context.jobs().validate(spec, scheduled).videos()).isEmpty();
        }
    }

    private JobSpec spec(String name, Path videos, String target) {
        return Specs.load(dir, name, """
                name: %s
                input:
                  paths: [%s]
                model:
                  path: %s
                chunkSize: 16
                threads: 2
                output: %s
                publish:
                  target: %s
                """.formatted(name, videos, SharedData.fastModel(), dir.resolve("out"), target));
    }
}
