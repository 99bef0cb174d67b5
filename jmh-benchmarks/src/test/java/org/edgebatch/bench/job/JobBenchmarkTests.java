package org.edgebatch.bench.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job benchmark's harness on real footage, with the job played by a {@link BenchedJob} of fixed rates. */
class JobBenchmarkTests {

    private static final Path DATA = SharedData.folder();
    private static final Path MODEL = SharedData.fastModel();

    @TempDir
    Path work;

    private final StringWriter printed = new StringWriter();

    @Test
    void countsBelowOneAreRefusedNamingTheOptions() {
        assertThatThrownBy(() -> new JobBenchmark.Settings(0, 1, 1, 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--seconds, --rounds, --threads and --chunk-size must be at least 1");
        assertThatThrownBy(() -> new JobBenchmark.Settings(1, 1, 1, 0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFootageIsRenderedOnceAndTheSpecNamesItTheModelAndTheOutput() throws Exception {
        // given
        JobBenchmark benchmark = benchmark(new JobBenchmark.Settings(1, 1, 2, 8, true));

        // when
        Path spec = benchmark.prepare();
        Path clip = work.resolve("footage-1s/walk-1080p25-1s.mp4");
        long renderedAt = Files.getLastModifiedTime(clip).toMillis();
        benchmark.prepare();

        // then
        assertThat(printed.toString()).containsOnlyOnce("Rendering 1 s of 1080p25 footage to " + clip + " ...");
        assertThat(Files.getLastModifiedTime(clip).toMillis()).isEqualTo(renderedAt);
        assertThat(work.resolve("footage-1s/walk-1080p25-1s.mp4.part")).doesNotExist();
        assertThat(Files.readString(spec)).contains("paths: ['" + work.resolve("footage-1s") + "']",
                "path: '" + MODEL + "'", "chunkSize: 8", "threads: 2", "output: '" + work.resolve("output") + "'",
                "enabled: false", "target: none");
    }

    @Test
    void aJobOnlyRunReportsTheMedianOfTheJobsRoundsAndThePeakMemory() throws Exception {
        // given: three rounds of a job at 30, 50 and 40 frames/s in its detect step
        JobBenchmark benchmark = benchmark(new JobBenchmark.Settings(1, 3, 2, 16, true));
        benchmark.prepare();
        FixedJob job = new FixedJob(new BenchedJob.Round(30, 20, 25), new BenchedJob.Round(50, 40, 25),
                new BenchedJob.Round(40, 30, 25));

        // when
        boolean completed = benchmark.run(job);

        // then
        assertThat(completed).isTrue();
        assertThat(printed.toString())
                .contains("round 1/3: job 30.00 fps (detect step; 20.00 fps start to end of the job), 25 frames\n")
                .contains("round 3/3: job 40.00 fps (detect step; 30.00 fps start to end of the job), 25 frames\n")
                .contains("Model yolox_nano_coco.onnx, 1 s of 1920x1080 at 25 fps, 2 threads, chunks of 16, motion gate off, every frame")
                .contains("median job rate             40.00 fps (detect step), 30.00 fps (whole job)")
                .containsPattern("peak RSS after the first job: [0-9]+ MiB")
                .doesNotContain("detector alone");
    }

    @Test
    void aRoundWhoseJobDoesNotCompleteEndsTheBenchmarkWithTheJobsMessage() throws Exception {
        // given
        JobBenchmark benchmark = benchmark(new JobBenchmark.Settings(1, 2, 2, 16, true));
        benchmark.prepare();
        BenchedJob failing = new FixedJob() {
            @Override
            public Round run() {
                throw new NotCompleted("The job ended FAILED; see: edgebatch status 1 --db x");
            }
        };

        // when
        boolean completed = benchmark.run(failing);

        // then
        assertThat(completed).isFalse();
        assertThat(printed.toString()).endsWith("The job ended FAILED; see: edgebatch status 1 --db x\n")
                .doesNotContain("median");
    }

    @Test
    void theDetectorAndTheDecoderAloneAreMeasuredOnTheFootageBesideEachRound() throws Exception {
        // given
        JobBenchmark benchmark = benchmark(new JobBenchmark.Settings(1, 1, 2, 16, false));
        benchmark.prepare();
        try (OrtRuntime runtime = OrtRuntime.create()) {
            FixedJob job = new FixedJob(new BenchedJob.Round(30, 20, 25)) {
                @Override
                public OrtRuntime runtime() {
                    return runtime;
                }
            };

            // when
            boolean completed = benchmark.run(job);

            // then
            assertThat(completed).isTrue();
            assertThat(printed.toString())
                    .containsPattern("round 1/1: job 30.00 fps \\(detect step; 20.00 fps start to end of the job\\), 25 frames,"
                            + " detector alone [0-9.]+ fps as the job runs it \\([0-9.]+ fps one inference on 2 threads\\),"
                            + " ratio [0-9.]+, decoder alone [0-9]+ fps")
                    .contains("fps as the job infers (2 at once, 1 ONNX Runtime thread(s) each)")
                    .containsPattern("median ratio job / alone +[0-9.]+ \\(to the faster detector-alone way; rounds \\[[0-9.]+\\]\\)")
                    .containsPattern("CPU bound with decoding +[0-9.]+ fps = ratio [0-9.]+ \\(inference \\+ decode work on [0-9]+ cores");
        }
    }

    private JobBenchmark benchmark(JobBenchmark.Settings settings) {
        return new JobBenchmark(settings, DATA, MODEL, work, new PrintWriter(printed, true));
    }

    /** A job that takes its rounds' rates from a list, two frames at once on one ONNX Runtime thread each. */
    private static class FixedJob implements BenchedJob {

        private final Deque<Round> rounds;

        FixedJob(Round... rounds) {
            this.rounds = new ArrayDeque<>(List.of(rounds));
        }

        @Override
        public OrtRuntime runtime() {
            throw new AssertionError("a job-only benchmark runs no detector of its own");
        }

        @Override
        public int intraOpThreads() {
            return 1;
        }

        @Override
        public int streams() {
            return 2;
        }

        @Override
        public Round run() {
            return rounds.removeFirst();
        }
    }
}
