package org.edgebatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch bench job}: the whole job's frame rate on 1080p footage (every frame, motion gate off) next to the
 * rate of the same detector alone on frames decoded beforehand, alternated round by round, and the job's peak RSS.
 * The options are parsed here; {@code jmh-benchmarks}' {@code JobBenchmark} measures, {@link SessionBenchedJob} runs
 * the job.
 */
@Command(name = "job", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Runs the video inference job (every frame, motion gate off, no snapshots, nothing published) on"
                + " generated 1920x1080 footage, then the same detector alone on frames of that footage decoded into"
                + " memory beforehand, for the same number of frames, both the way the job infers (--threads frames at"
                + " once, edgebatch.intra-op-threads ONNX Runtime threads each) and one inference at a time on all"
                + " --threads; repeats for --rounds and prints the medians, the median of the per-round ratios job /"
                + " the faster detector alone (which runs half before and half after each job), and the peak resident"
                + " memory of this process after the first job (of the job alone with --job-only).",
                "The footage is rendered once per length into --work and reused."})
final class BenchJobCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @CommandLine.Mixin
    BenchModelOptions modelOptions;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of the footage in seconds, at 25 fps (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Job / detector-alone rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", defaultValue = "2", description = "Job threads and the detector's intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--chunk-size", defaultValue = "16", description = "Frames per chunk (one transaction each) (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--job-only", description = "Run the job only, without the detector-alone comparison (for the peak RSS on long footage).")
    boolean jobOnly;

    @Option(names = "--work", paramLabel = "DIR", description = "Footage, job repository and outputs (default: ~/.edgebatch/bench).")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (!BenchLibraries.onClassPath()) {
            return BenchLibraries.relaunch(commandSpec);
        }
        return SessionBenchedJob.benchmark(this);
    }
}
