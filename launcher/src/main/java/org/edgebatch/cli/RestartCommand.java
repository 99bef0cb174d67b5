package org.edgebatch.cli;

import java.util.concurrent.Callable;
import org.edgebatch.job.JobRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgebatch restart}: runs the unfinished part of a failed, stopped or killed execution again. */
@Command(name = "restart", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Runs the unfinished part of an execution again, from the spec stored with it: completed partitions"
                + " are not run again, the others resume after their last committed chunk.",
                "An execution left running by a process that is gone (killed, crashed) is marked FAILED first; one still"
                        + " running in a live process is refused.",
                "Exit code: 0 when the job COMPLETED, 1 when it FAILED or was STOPPED, 2 when the restart was refused."})
final class RestartCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The execution to restart (see: edgebatch jobs).")
    long executionId;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws InterruptedException {
        FfmpegLogLevel.apply();
        var out = commandSpec.commandLine().getOut();
        var err = commandSpec.commandLine().getErr();
        try (JobSession session = JobSession.open(database.url(), err)) {
            JobRun run = Executions.refusingUnknown(() -> session.jobs().startRestart(executionId));
            RunOutcome outcome = new RunOutcomePrinter(session, out, json, false).print(session.follow(run, progress.mode));
            return outcome.completed() ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
        }
    }
}
