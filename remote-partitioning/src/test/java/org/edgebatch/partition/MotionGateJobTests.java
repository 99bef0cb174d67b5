package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgebatch.job.EventView;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The motion gate in the job: most frames of a still scene skip inference, and no event is lost. */
class MotionGateJobTests {

    @TempDir
    Path dir;

    @Test
    void onAStillYardWhereOnePersonWalksForAWhileMostFramesSkipInferenceAndEveryEventIsStillFound() throws Exception {
        // given: 20 s at 10 fps; the person stands, walks from 6 s to 10 s, then stands again
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(640, 360, 10, 20, 6, 10), videos.resolve("yard.mp4"));

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {

            // when
            JobExecution ungated = context.jobs().launch(spec(videos, false), LaunchOptions.of("gate.yaml"));
            JobExecution gated = context.jobs().launch(spec(videos, true), LaunchOptions.of("gate.yaml"));

            // then
            assertThat(ungated.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(gated.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            RunReport report = context.executions().report(gated.getId());
            assertThat(report.totals().framesSkippedByMotion() + report.totals().framesInferred()).isEqualTo(200);
            assertThat(report.totals().framesSkippedByMotion()).isGreaterThan(100);
            assertThat(context.executions().report(ungated.getId()).totals().framesSkippedByMotion()).isZero();

            List<EventView> all = context.executions().events(ungated.getId());
            List<EventView> kept = context.executions().events(gated.getId());
            assertThat(all).extracting(EventView::label).contains("person");
            for (EventView event : all) {
                assertThat(kept).as("an event overlapping %s %.1f-%.1f s", event.label(), event.start(), event.end())
                        .anyMatch(other -> other.label().equals(event.label())
                                && other.start() <= event.end() && event.start() <= other.end());
            }
        }
    }

    private JobSpec spec(Path videos, boolean gate) {
        return Specs.load(dir, gate ? "gated" : "ungated", """
                name: %s
                input:
                  paths: [%s]
                model:
                  path: %s
                motion:
                  enabled: %s
                chunkSize: 16
                threads: 2
                output: %s
                publish:
                  target: none
                """.formatted(gate ? "gated" : "ungated", videos, SharedData.fastModel(), gate, dir.resolve("out")));
    }
}
