package org.edgebatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgebatch.bench.AlternatingComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch bench inference}: the JMH comparison of our FFM binding with ONNX Runtime's own Java API, and the
 * share of pre-processing and decoding next to inference.
 */
@Command(name = "inference", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Median latency of one model run at 2 threads through EdgeBatch's FFM binding and through ONNX Runtime's"
                + " Java API (plain, and with pinned outputs), alternated in this process round after round with JMH"
                + " (allocation per run from JMH's GC profiler), then the per-call share of letterbox + decode + NMS"
                + " next to inference on a 1080p frame.",
                "Models are file names in <data>/models without .onnx."})
final class BenchInferenceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @CommandLine.Mixin
    BenchModelNames modelNames;

    @Option(names = "--rounds", defaultValue = "10", description = "Alternating rounds, after one uncounted warm-up round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "1", description = "JMH warm-up iterations per block (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "2", description = "JMH measured iterations per block (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seconds", defaultValue = "1", description = "Seconds per JMH iteration (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (!BenchLibraries.onClassPath()) {
            return BenchLibraries.relaunch(commandSpec);
        }
        DemoData folder = modelNames.folder();
        List<String> args = new ArrayList<>(List.of("--models", String.join(",", modelNames.models), "--rounds", Integer.toString(rounds),
                "--warmup", Integer.toString(warmup), "--iterations", Integer.toString(iterations),
                "--seconds", Integer.toString(seconds)));
        if (json != null) {
            args.addAll(List.of("--json", json.toString()));
        }
        try {
            AlternatingComparison.compare(folder.folder(), args.toArray(String[]::new), commandSpec.commandLine().getOut());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandRefusal(e.getMessage());
        }
        return ExitCodes.COMPLETED;
    }
}
