package org.edgebatch.bench;

import java.io.PrintStream;
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
 * within minutes here. A second part times whole {@link Detector#detect} calls on a 1080p frame and reports what share
 * of each call the pre-processing and decoding + NMS take next to its own inference.
 */
public final class AlternatingComparison {

    static final List<String> BINDINGS = List.of("ffm", "jni", "jniPinned", "idle");

    private final ComparisonSettings settings;
    private final PrintStream out;

    AlternatingComparison(ComparisonSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        ComparisonSettings settings;
        try {
            settings = ComparisonSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ComparisonSettings.USAGE);
            System.exit(2);
            return;
        }
        ComparisonReport report = new AlternatingComparison(settings, System.out).run();
        System.out.println();
        System.out.print(report.markdown());
        if (settings.json() != null) {
            Files.writeString(settings.json(), report.json());
            System.out.println("JSON written to " + settings.json());
        }
    }

    ComparisonReport run() throws RunnerException {
        Map<String, Map<String, List<Block>>> blocks = new LinkedHashMap<>();
        Map<String, List<DetectionResult>> calls = new LinkedHashMap<>();
        BenchmarkData data = BenchmarkData.locate();
        BgrImage frame = data.image("1080p");
        for (String model : settings.models()) {
            blocks.put(model, new LinkedHashMap<>());
            BINDINGS.forEach(binding -> blocks.get(model).put(binding, new ArrayList<>()));
            calls.put(model, new ArrayList<>());
        }
        for (int round = 0; round < settings.rounds(); round++) {
            for (String model : settings.models()) {
                for (int i = 0; i < BINDINGS.size(); i++) {
                    String binding = BINDINGS.get((i + round) % BINDINGS.size());
                    Block block = measure(model, binding);
                    blocks.get(model).get(binding).add(block);
                    out.printf(Locale.ROOT, "round %d/%d  %-18s %-9s median %8.3f ms  %10.1f B/op%n", round + 1,
                            settings.rounds(), model, binding, block.medianMillis(), block.bytesPerOp());
                }
                calls.get(model).addAll(timeDetectCalls(data.model(model), frame));
            }
        }
        List<ModelComparison> models = new ArrayList<>();
        for (String model : settings.models()) {
            models.add(ModelComparison.of(model, blocks.get(model), StageShares.of(calls.get(model))));
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

    private List<DetectionResult> timeDetectCalls(Path model, BgrImage frame) {
        List<DetectionResult> results = new ArrayList<>();
        try (OrtRuntime runtime = OrtRuntime.create();
                Detector detector = Detector.open(runtime, DetectorConfig.of(model).withIntraOpThreads(InferenceBenchmark.THREADS))) {
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.iterationSeconds());
            while (System.nanoTime() < warmUntil) {
                detector.detect(frame);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) settings.iterationSeconds() * settings.iterations());
            while (System.nanoTime() < until) {
                results.add(detector.detect(frame));
            }
        }
        return results;
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
                usage: AlternatingComparison [--models a,b,c] [--rounds 5] [--warmup 1] [--iterations 3] [--seconds 2] [--json FILE]
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
            int rounds = 5;
            int warmup = 1;
            int iterations = 3;
            int seconds = 2;
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
