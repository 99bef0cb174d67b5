package org.edgebatch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.DetectionResult;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.ort.OrtRuntime;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * FFM against ONNX Runtime's Java API, measured the way this machine allows: both in one JVM, in alternating blocks
 * (each block a JMH run of {@link InferenceBenchmark} with the GC profiler), the order rotated every round, and the
 * verdict taken from the median of the per-round ratios rather than from absolute milliseconds, which drift by 2×
 * within minutes here. A second part times whole {@link Detector#detect} calls on a 1080p frame (and on it as the job's decoder scales
 * it) and reports what share
 * of each call the pre-processing and decoding + NMS take next to its own inference.
 */
public final class AlternatingComparison {

    static final List<String> BINDINGS = List.of("ffm", "jni", "jniPinned", "idle");

    private final BenchmarkData data;
    private final ComparisonSettings settings;
    private final PrintWriter out;

    AlternatingComparison(BenchmarkData data, ComparisonSettings settings, PrintWriter out) {
        this.data = data;
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        try {
            compare(null, args, new PrintWriter(System.out, true));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ComparisonSettings.USAGE);
            System.exit(2);
        }
    }

    /**
     * Runs the comparison the arguments describe (see {@link ComparisonSettings#USAGE}) on the data folder (null: the
     * default one), printing each block as it ends and then the result tables.
     *
     * @throws IllegalArgumentException naming a bad argument
     */
    public static void compare(Path dataFolder, String[] args, PrintWriter out) throws RunnerException, IOException {
        ComparisonSettings settings = ComparisonSettings.parse(args);
        BenchmarkData data = dataFolder == null ? BenchmarkData.locate() : BenchmarkData.at(dataFolder);
        settings.models().forEach(data::model);
        // JMH's in-process runs build the benchmark state from properties, so they must find the same folder.
        System.setProperty("edgebatch.data", data.folder().toString());
        ComparisonReport report = new AlternatingComparison(data, settings, out).run();
        out.println();
        out.print(report.markdown());
        if (settings.json() != null) {
            Files.writeString(settings.json(), report.json());
            out.println("JSON written to " + settings.json());
        }
        out.flush();
    }

    ComparisonReport run() throws RunnerException {
        Map<String, Map<String, List<Block>>> blocks = new LinkedHashMap<>();
        Map<String, DetectCalls> calls = new LinkedHashMap<>();
        BgrImage frame = data.image("1080p");
        for (String model : settings.models()) {
            blocks.put(model, new LinkedHashMap<>());
            BINDINGS.forEach(binding -> blocks.get(model).put(binding, new ArrayList<>()));
            calls.put(model, new DetectCalls(new ArrayList<>(), new ArrayList<>()));
        }
        // Round 0 warms every binding up (JIT, page cache, CPU caches) and is not counted: whichever block ran first
        // was seen to come out up to 15% slower.
        for (int round = 0; round <= settings.rounds(); round++) {
            for (String model : settings.models()) {
                for (int i = 0; i < BINDINGS.size(); i++) {
                    String binding = BINDINGS.get((i + round) % BINDINGS.size());
                    Block block = measure(model, binding);
                    if (round > 0) {
                        blocks.get(model).get(binding).add(block);
                    }
                    out.printf(Locale.ROOT, "%-11s %-18s %-9s median %8.3f ms  %10.1f B/op%n",
                            round == 0 ? "warm-up" : "round " + round + "/" + settings.rounds(), model, binding,
                            block.medianMillis(), block.bytesPerOp());
                    out.flush();
                }
                DetectCalls timed = timeDetectCalls(data.model(model), frame);
                if (round > 0) {
                    calls.get(model).fullFrame().addAll(timed.fullFrame());
                    calls.get(model).decodedFrame().addAll(timed.decodedFrame());
                }
            }
        }
        List<ModelComparison> models = new ArrayList<>();
        for (String model : settings.models()) {
            models.add(ModelComparison.of(model, blocks.get(model), StageShares.of(calls.get(model).fullFrame()),
                    StageShares.of(calls.get(model).decodedFrame())));
        }
        return new ComparisonReport(settings, models);
    }

    private Block measure(String model, String binding) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(InferenceBenchmark.class.getName() + ".run")
                .param("model", model)
                .param("binding", binding)
                .forks(0)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        RunResult result = new Runner(options).runSingle();
        BenchmarkParams params = result.getParams();
        double median = result.getPrimaryResult().getStatistics().getPercentile(50);
        double millis = toMillis(median, params.getTimeUnit());
        Result<?> allocation = result.getSecondaryResults().get("·gc.alloc.rate.norm");
        if (allocation == null) {
            allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
        }
        double bytes = allocation == null ? Double.NaN : allocation.getScore();
        return new Block(millis, bytes, result.getPrimaryResult().getStatistics().getN());
    }

    /**
     * Whole detect calls, alternating a full 1920×1080 frame (what {@code detect} gets from a camera still) with the
     * same frame at the size the job's decoder hands over (scaled by FFmpeg to fit the model input while converting).
     */
    private DetectCalls timeDetectCalls(Path model, BgrImage frame) {
        DetectCalls calls = new DetectCalls(new ArrayList<>(), new ArrayList<>());
        try (OrtRuntime runtime = OrtRuntime.create();
                Detector detector = Detector.open(runtime, DetectorConfig.of(model).withIntraOpThreads(InferenceBenchmark.THREADS))) {
            BgrImage decoded = BenchmarkData.fitted(frame, detector.model().input());
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.iterationSeconds());
            while (System.nanoTime() < warmUntil) {
                detector.detect(frame);
                detector.detect(decoded);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) settings.iterationSeconds() * settings.iterations());
            while (System.nanoTime() < until) {
                calls.fullFrame().add(detector.detect(frame));
                calls.decodedFrame().add(detector.detect(decoded));
            }
        }
        return calls;
    }

    /** Timed detect calls on full frames and on frames at the job's decode size. */
    record DetectCalls(List<DetectionResult> fullFrame, List<DetectionResult> decodedFrame) {
    }

    private static double toMillis(double value, TimeUnit unit) {
        return value * unit.toNanos(1) / 1e6;
    }

    /** One JMH run: its median latency, its allocation per operation and how many samples it took. */
    record Block(double medianMillis, double bytesPerOp, long samples) {
    }

    /** How a comparison is run. */
    record ComparisonSettings(List<String> models, int rounds, int warmupIterations, int iterations,
            int iterationSeconds, Path json) {

        static final String USAGE = """
                usage: AlternatingComparison [--models a,b,c] [--rounds 10] [--warmup 1] [--iterations 2] [--seconds 1] [--json FILE]
                  models are file names in $EDGEBATCH_DATA/models without .onnx (default: all three)""";

        ComparisonSettings {
            if (models.isEmpty()) {
                throw new IllegalArgumentException("--models names no model");
            }
            if (rounds < 1 || warmupIterations < 0 || iterations < 1 || iterationSeconds < 1) {
                throw new IllegalArgumentException("--rounds, --iterations and --seconds must be >= 1 and --warmup >= 0");
            }
        }

        static ComparisonSettings parse(String... args) {
            List<String> models = List.of("yolox_nano_coco", "yolov5n_coco_fp16", "yolov8n_coco_int8");
            int rounds = 10;
            int warmup = 1;
            int iterations = 2;
            int seconds = 1;
            Path json = null;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--models" -> models = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    case "--rounds" -> rounds = number(flag, value);
                    case "--warmup" -> warmup = number(flag, value);
                    case "--iterations" -> iterations = number(flag, value);
                    case "--seconds" -> seconds = number(flag, value);
                    case "--json" -> json = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option: " + flag);
                }
            }
            return new ComparisonSettings(models, rounds, warmup, iterations, seconds, json);
        }

        private static int number(String flag, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a whole number, was '" + value + "'");
            }
        }
    }
}
