package org.edgebatch.bench.suite;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.edgebatch.bench.flops.CpuCeiling;
import org.edgebatch.bench.flops.FlopBenchmark;
import org.edgebatch.bench.flops.FlopCount;
import org.edgebatch.bench.flops.FlopCounter;
import org.edgebatch.bench.flops.FlopRate;
import org.edgebatch.bench.flops.OnnxModelReader;
import org.edgebatch.bench.job.ResidentMemory;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;

/**
 * {@code bench suite}: rates this machine for EdgeBatch. Fingerprints it, then per model and execution provider times
 * detections at 1, half and all hardware threads (with the FLOPs counted from the graph: GFLOP/s and share of the
 * ceiling), decodes generated H.264 footage every frame and key frames only, and runs the whole job on that footage
 * with every sampling mode. A provider this ONNX Runtime build lacks is reported unavailable, not thrown.
 */
public final class HardwareSuite {

    /**
     * How the suite runs: the models (files), provider names, footage, timed detections per thread count, rounds of
     * each decode and job (medians are reported), and the name of the machine.
     */
    public record Settings(List<Path> models, List<ExecutionProvider> providers, List<SuiteFootage> footage,
                           int latencyRuns, int rounds, boolean quick, String machine) {

        public Settings {
            models = List.copyOf(models);
            providers = List.copyOf(providers);
            footage = List.copyOf(footage);
            if (models.isEmpty() || providers.isEmpty() || footage.isEmpty()) {
                throw new IllegalArgumentException("the suite needs at least one model, one provider and one clip");
            }
            if (latencyRuns < 1 || rounds < 1) {
                throw new IllegalArgumentException("runs and rounds must be at least 1");
            }
        }
    }

    /** Frames are decoded at most this wide, as the job hands them to a 640 model. */
    private static final int DECODE_WIDTH = 640;

    private final Settings settings;
    private final Path dataFolder;
    private final Path work;
    private final PrintWriter progress;

    /**
     * @param dataFolder the folder whose {@code images/} the footage is rendered from
     * @param work       where the footage, the specs and the jobs' output go
     * @param progress   where each step is announced as it starts
     */
    public HardwareSuite(Settings settings, Path dataFolder, Path work, PrintWriter progress) {
        this.settings = settings;
        this.dataFolder = dataFolder;
        this.work = work;
        this.progress = progress;
    }

    /** Renders the footage an earlier run did not leave. */
    public void prepare() throws IOException {
        for (SuiteFootage footage : settings.footage()) {
            if (!Files.isRegularFile(footage.clip(work))) {
                say("Rendering %d s of %s footage (%dx%d) ...", footage.seconds(), footage.name(), footage.width(), footage.height());
                footage.prepare(dataFolder, work);
            }
        }
    }

    /** Runs everything on the footage {@link #prepare()} made. */
    public SuiteReport run(OrtRuntime runtime, SuiteJobs jobs) throws Exception {
        HardwareFingerprint fingerprint = HardwareFingerprint.ofThisMachine(runtime.version(), runtime.availableProviders());
        Optional<CpuCeiling> cpu = CpuCeiling.ofThisMachine();
        SuiteReport.Ceiling ceiling = cpu.map(c -> new SuiteReport.Ceiling(c.isa(), c.cores(), c.gigahertz(), c.flopsPerCycle(),
                c.gflopsPerSecond())).orElse(null);
        double ceilingGflops = cpu.map(CpuCeiling::gflopsPerSecond).orElse(0.0);
        FlopCounter counter = new FlopCounter(new OnnxModelReader());
        FlopBenchmark timer = new FlopBenchmark(runtime);
        List<SuiteReport.Model> models = new ArrayList<>();
        List<SuiteReport.Job> jobRuns = new ArrayList<>();
        for (Path model : settings.models()) {
            String name = name(model);
            FlopCount count = counter.count(model, 0);
            for (ExecutionProvider provider : settings.providers()) {
                Optional<String> missing = unavailable(runtime, provider);
                if (missing.isPresent()) {
                    say("%s on %s: unavailable (%s)", name, provider.id(), missing.get());
                    models.add(SuiteReport.Model.unavailable(name, provider.id(), count.gflops(), missing.get()));
                    continue;
                }
                SuiteReport.Model measured;
                try {
                    measured = detector(timer, runtime, model, provider, count, fingerprint.threads(), ceilingGflops);
                } catch (RuntimeException e) {
                    if (provider == ExecutionProvider.CPU) {
                        throw e;
                    }
                    // A provider the build lists can still fail to load its library or to take the model.
                    say("%s on %s: unavailable (%s)", name, provider.id(), e.getMessage());
                    models.add(SuiteReport.Model.unavailable(name, provider.id(), count.gflops(), String.valueOf(e.getMessage())));
                    continue;
                }
                models.add(measured);
                for (SuiteFootage footage : settings.footage()) {
                    for (SuiteSampling sampling : SuiteSampling.JOB_MODES) {
                        jobRuns.add(job(jobs, model, provider, footage, sampling, fingerprint.threads()));
                    }
                }
            }
        }
        List<SuiteReport.Decode> decode = new ArrayList<>();
        DecodeRate decoder = new DecodeRate(DECODE_WIDTH);
        for (SuiteFootage footage : settings.footage()) {
            SuiteReport.Decode everyFrame = null;
            for (SuiteSampling sampling : SuiteSampling.DECODE_MODES) {
                say("Decoding %s, %s ...", footage.name(), sampling.label());
                List<SuiteReport.Decode> rounds = new ArrayList<>();
                for (int round = 0; round < settings.rounds(); round++) {
                    rounds.add(decoder.measure(footage, work, sampling.label(), sampling.frameSampling()));
                }
                rounds.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
                SuiteReport.Decode median = rounds.get(rounds.size() / 2);
                if (sampling == SuiteSampling.EVERY_FRAME) {
                    everyFrame = median;
                } else if (sampling == SuiteSampling.EVERY_10TH_FRAME && everyFrame != null) {
                    median = median.withUnsampledCost(everyFrame, footage.frames());
                }
                decode.add(median);
            }
        }
        return new SuiteReport(SuiteReport.VERSION, settings.machine(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(), settings.quick(), fingerprint,
                ceiling, models, decode, jobRuns, ResidentMemory.peakBytes());
    }

    /** The detector's latencies at 1, half and all threads, and its rate with one frame at once per thread. */
    private SuiteReport.Model detector(FlopBenchmark timer, OrtRuntime runtime, Path model, ExecutionProvider provider,
                                       FlopCount count, int threads, double ceilingGflops) {
        String name = name(model);
        List<SuiteReport.Latency> latencies = new ArrayList<>();
        for (int n : threadCounts(threads)) {
            say("%s on %s: %d detections at %d thread(s) ...", name, provider.id(), settings.latencyRuns(), n);
            FlopRate rate = timer.measure(model, provider, count, n, settings.latencyRuns(), ceilingGflops);
            latencies.add(new SuiteReport.Latency(n, rate.medianMillis(), 1000 / rate.medianMillis(), rate.achievedGflops(),
                    Double.isNaN(rate.ceilingFraction()) ? null : rate.ceilingFraction()));
        }
        say("%s on %s: %d frames at once, one thread each ...", name, provider.id(), threads);
        double atOnce = new ConcurrentDetections(runtime).framesPerSecond(model, provider, threads, threads * settings.latencyRuns());
        return new SuiteReport.Model(name, provider.id(), "ok", count.gflops(), latencies,
                new SuiteReport.FramesAtOnce(threads, atOnce, atOnce * count.gflops()));
    }

    /** 1, half and all of {@code threads}, each once. */
    static List<Integer> threadCounts(int threads) {
        Set<Integer> counts = new LinkedHashSet<>(Arrays.asList(1, Math.max(1, threads / 2), threads));
        return List.copyOf(counts);
    }

    private static Optional<String> unavailable(OrtRuntime runtime, ExecutionProvider provider) {
        if (provider == ExecutionProvider.CPU || runtime.availableProviders().contains(provider.ortName())) {
            return Optional.empty();
        }
        return Optional.of(provider.ortName() + " is not in this ONNX Runtime build (" + runtime.version() + " offers "
                + String.join(", ", runtime.availableProviders()) + ")");
    }

    private SuiteReport.Job job(SuiteJobs jobs, Path model, ExecutionProvider provider, SuiteFootage footage,
                                SuiteSampling sampling, int threads) throws Exception {
        say("Job: %s on %s, %s, %s ...", name(model), provider.id(), footage.name(), sampling.label());
        Path spec = writeSpec(model, provider, footage, sampling, threads);
        List<SuiteJobs.Run> runs = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            runs.add(jobs.run(spec));
        }
        runs.sort((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()));
        SuiteJobs.Run median = runs.get(runs.size() / 2);
        return new SuiteReport.Job(name(model), provider.id(), footage.name(), sampling.label(), median.framesInferred(),
                footage.seconds(), median.wallSeconds(), footage.frames() / median.wallSeconds(),
                footage.seconds() / median.wallSeconds());
    }

    private Path writeSpec(Path model, ExecutionProvider provider, SuiteFootage footage, SuiteSampling sampling, int threads)
            throws IOException {
        String spec = """
                # Written by 'edgebatch bench suite': no motion gate, nothing but detections written.
                name: bench-suite
                input:
                  paths: [%s]
                model:
                  path: %s
                  provider: %s
                sampling:
                  %s
                motion:
                  enabled: false
                events:
                  snapshot: false
                publish:
                  target: none
                threads: %d
                output: %s
                """.formatted(quoted(footage.folder(work)), quoted(model.toAbsolutePath()), provider.id(), sampling.specLine(),
                threads, quoted(work.resolve("output")));
        Path file = work.resolve("specs").resolve(name(model) + "-" + provider.id() + "-" + footage.name() + "-"
                + sampling.name().toLowerCase(Locale.ROOT) + ".yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, spec);
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    private static String name(Path model) {
        return model.getFileName().toString().replaceFirst("\\.onnx$", "");
    }

    private void say(String format, Object... arguments) {
        progress.printf(Locale.ROOT, format + "%n", arguments);
        progress.flush();
    }
}
