package org.edgebatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgebatch bench}: the benchmark suite, each benchmark a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Benchmarks on this machine. Timings here drift by up to 2x within minutes, so every benchmark"
                + " alternates what it compares in one process and reports medians and median ratios."},
        subcommands = {BenchJobCommand.class, BenchInferenceCommand.class, BenchDistributedCommand.class,
                BenchStartupCommand.class, BenchFlopsCommand.class, BenchSuiteCommand.class,
                BenchCompareCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
