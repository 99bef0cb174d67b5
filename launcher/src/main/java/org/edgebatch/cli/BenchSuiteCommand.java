package org.edgebatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch bench suite}: rates this machine for EdgeBatch and writes what it measured as JSON that
 * {@code bench compare} sets beside other machines'. The options are parsed here; {@link SuiteBench} runs it.
 */
@Command(name = "suite", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Rates this machine: a hardware fingerprint (CPU, cores and threads, ISA extensions, memory, OS,"
                + " Java, ONNX Runtime and its providers), then per model and execution provider the median detection"
                + " latency and frames/s at 1, half and all hardware threads with the GFLOP/s achieved and the share of"
                + " the CPU's ceiling; decoding of generated 1080p25 (and 4K60) H.264, every frame and key frames only;"
                + " the whole job on that footage for every frame, sampling.fps 1 and keyframesOnly (frames/s and"
                + " real-time factor); the peak RSS. Prints a table; --json writes it for 'bench compare'.",
                "A provider this ONNX Runtime build lacks is reported unavailable. Footage is rendered once into --work."})
final class BenchSuiteCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @CommandLine.Mixin
    BenchModelNames modelNames;

    @Option(names = "--providers", paramLabel = "NAMES", split = ",", defaultValue = "cpu",
            description = "Comma-separated execution providers: cpu, openvino, cuda, tensorrt (default: ${DEFAULT-VALUE}).")
    List<String> providers;

    @Option(names = "--quick", description = "Under 3 minutes on 2 cores: 4 s of 1080p only, 5 detections per thread count, one run of each job.")
    boolean quick;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
            description = "Length of the generated footage in seconds; 0 takes 4 with --quick, else 20 at 1080p25 and 10 at 4K60.")
    int seconds;

    @Option(names = "--name", paramLabel = "NAME", description = "The machine's name in the JSON and in 'bench compare' (default: the host name).")
    String name;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--work", paramLabel = "DIR", description = "Footage, job repository and outputs (default: ~/.edgebatch/bench-suite).")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (!BenchLibraries.onClassPath()) {
            return BenchLibraries.relaunch(commandSpec);
        }
        if (seconds < 0) {
            throw new CommandRefusal("--seconds must not be negative");
        }
        // in a class of its own: this one must load without the benchmarks on the class path
        return new SuiteBench(this).run();
    }
}
