package org.edgebatch.cli;

import picocli.CommandLine.Option;

/** The {@code --progress} option of the commands that run a job. */
final class ProgressOption {

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, log lines otherwise), bar, log or none (default: ${DEFAULT-VALUE}).")
    ProgressMonitor.Mode mode;
}
