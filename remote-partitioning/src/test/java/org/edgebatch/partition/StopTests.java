package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.job.Progress;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

class StopTests {

    @TempDir
    Path dir;

    @Test
    void aRunningJobStopsAfterItsCurrentChunkShowsItsProgressAndRestartsToTheEnd() throws Exception {
        // given: a job running in the background
        Path videos = Files.createDirectories(dir.resolve("videos"));
        WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 15, 3, 12), videos.resolve("long.mp4"));
        JobSpec spec = Specs.load(dir, "stop", """
                name: stop
                input: {paths: [%s]}
                model: {path: %s}
                chunkSize: 4
                threads: 2
                output: %s
                publish: {target: none}
                """.formatted(videos, SharedData.fastModel(), dir.resolve("out")));

        try (EdgeBatchContext context = EdgeBatchContext.start(dir, StopGate.class)) {
            JobRun run = context.jobs().start(spec, LaunchOptions.of("stop.yaml")).orElseThrow();
            long id = run.awaitExecutionId();
            // The worker is held at frame 20: the run is certainly mid-video when it is asked to stop.
            StopGate.Gate gate = context.bean(StopGate.Gate.class);
            gate.awaitReached(java.time.Duration.ofMinutes(2));
            Progress progress = context.executions().progress(id);
            assertThat(progress.framesTotal()).isEqualTo(150);
            assertThat(progress.step()).isEqualTo("detect");
            assertThat(progress.partitionsTotal()).isEqualTo(1);

            // when
            context.jobs().stop(id);
            gate.open();
            JobExecution stopped = run.await();

            // then
            assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
            Progress atStop = context.executions().progress(id);
            assertThat(atStop.framesDone()).isBetween(20L, 149L);
            assertThat(atStop.fraction()).isLessThan(1);

            // when
            JobExecution restarted = context.jobs().restart(id);

            // then
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(context.executions().progress(restarted.getId()).framesDone()).isEqualTo(150);
            assertThat(context.jdbc().queryForObject("SELECT COUNT(*) FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?", Integer.class,
                    restarted.getJobInstance().getInstanceId())).isEqualTo(150);
        }
    }
}
