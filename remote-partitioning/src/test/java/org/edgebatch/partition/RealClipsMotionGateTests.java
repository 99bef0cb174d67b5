package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.edgebatch.job.EventView;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The motion gate on every real clip of the shared data, sampled at 5 fps with the fastest model: the gated run finds
 * every person and car event of the ungated run (same class, overlapping time).
 */
class RealClipsMotionGateTests {

    @TempDir
    Path dir;

    @Test
    void theGatedRunFindsEveryPersonAndCarEventOfTheUngatedRun() {
        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {

            // when
            JobExecution ungated = context.jobs().launch(spec(false), LaunchOptions.of("clips.yaml"));
            JobExecution gated = context.jobs().launch(spec(true), LaunchOptions.of("clips.yaml"));

            // then
            assertThat(ungated.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(gated.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            List<EventView> all = context.executions().events(ungated.getId());
            List<EventView> kept = context.executions().events(gated.getId());
            assertThat(all).extracting(EventView::label).contains("person", "car");
            for (EventView event : all) {
                assertThat(kept).as("a %s event overlapping %.1f-%.1f s of %s", event.label(), event.start(), event.end(), event.video())
                        .anyMatch(other -> other.label().equals(event.label()) && other.video().equals(event.video())
                                && other.start() <= event.end() && event.start() <= other.end());
            }
            System.out.println(context.executions().summary(ungated.getId()));
            System.out.println(context.executions().summary(gated.getId()));
            RunReport report = context.executions().report(gated.getId());
            assertThat(report.totals().framesSkippedByMotion()).isPositive();
        }
    }

    private JobSpec spec(boolean gate) {
        String name = gate ? "clips-gated" : "clips-ungated";
        return Specs.load(dir, name, """
                name: %s
                input:
                  paths: [%s]
                model:
                  path: %s
                  classes: [person, car]
                sampling:
                  fps: 5
                motion:
                  enabled: %s
                events:
                  classes: [person, car]
                  snapshot: false
                chunkSize: 32
                threads: 2
                output: %s
                publish:
                  target: none
                """.formatted(name, SharedData.folder().resolve("video"), SharedData.fastModel(), gate, dir.resolve("out")));
    }
}
