package org.edgebatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch bench flops}: each model's FLOPs per inference counted from its ONNX graph, and with
 * {@code --runs} above 0 the median detection latency, the GFLOP/s it achieves and the share of the CPU's ceiling.
 */
@Command(name = "flops", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"FLOPs per inference counted from each model's ONNX graph (2 per multiply-accumulate of its"
                + " convolutions and matrix products), then the median latency of a detection on a 1280x720 frame,"
                + " the GFLOP/s achieved and the fraction of the CPU's ceiling (cores x clock x FLOPs per cycle of its"
                + " widest FMA).",
                "Models are file names in <data>/models without .onnx."})
final class BenchFlopsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @CommandLine.Mixin
    BenchModelNames modelNames;

    @Option(names = "--size", defaultValue = "0",
            description = "Count at this square input size; 0 takes the model's declared input (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--threads", defaultValue = "0",
            description = "Intra-op threads of the timed detections; 0 means one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--runs", defaultValue = "20",
            description = "Timed detections per model; 0 counts only (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (!BenchLibraries.onClassPath()) {
            return BenchLibraries.relaunch(commandSpec);
        }
        if (size < 0 || threads < 0 || runs < 0) {
            throw new CommandRefusal("--size, --threads and --runs must not be negative");
        }
        DemoData folder = modelNames.folder();
        // in a class of its own: this one must load without the benchmarks on the class path
        new FlopsBench(folder, modelNames.models, size, threads, runs, json).run(commandSpec.commandLine().getOut());
        return ExitCodes.COMPLETED;
    }
}
