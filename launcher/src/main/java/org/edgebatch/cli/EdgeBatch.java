package org.edgebatch.cli;

import org.edgebatch.repository.RepositoryKeeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code edgebatch} command line: one sub-command per verb. */
@Command(name = "edgebatch",
        mixinStandardHelpOptions = true,
        versionProvider = EdgeBatchVersion.class,
        description = "Runs YOLO inference over stored video where the video lives, and ships only the significant events.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, RestartCommand.class, StopCommand.class,
                StatusCommand.class, JobsCommand.class, EventsCommand.class, NodesCommand.class, WorkerCommand.class,
                DemoCommand.class, DetectCommand.class, CostCommand.class, BenchCommand.class, PublishCommand.class,
                GetCommand.class, ModelsCommand.class})
public final class EdgeBatch implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Where no keeper could start, this process serves the H2 repository itself: on loopback too, unless told otherwise.
        if (System.getProperty(RepositoryKeeper.BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(RepositoryKeeper.BIND_ADDRESS_PROPERTY, RepositoryKeeper.LOOPBACK);
        }
        System.exit(newCommandLine().execute(args));
    }

    /** The configured picocli command line; tests run commands through it in-process. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new EdgeBatch());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorMessageHandler());
        return commandLine;
    }
}
