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
                "A distributed run restarts through the broker it ran with (stored with it, or --broker), each unfinished"
                        + " partition sent to the node that holds its file; it waits until those nodes' workers are back.",
                "Exit code: 0 when the job COMPLETED, 1 when it FAILED or was STOPPED, 2 when the restart was refused."})
final class RestartCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The execution to restart (see: edgebatch jobs).")
    long executionId;

    @Mixin
    DatabaseOption database;

    @Mixin
    BrokerOption broker;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws InterruptedException {
        FfmpegLogLevel.apply();
        var out = commandSpec.commandLine().getOut();
        var err = commandSpec.commandLine().getErr();
        try (JobSession session = JobSession.openToRun(database.url(), mode(), err)) {
            JobRun run = Executions.refusingUnknown(() -> session.jobs().startRestart(executionId));
            RunOutcome outcome = new RunOutcomePrinter(session, out, json, false).print(session.follow(run, progress.mode));
            return outcome.completed() ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
        }
    }

    /** Distributed when --broker is given or the execution's stored spec names a broker; embedded otherwise. */
    private JobContext.Mode mode() {
        if (broker.value != null) {
            return new JobContext.Mode.Manager(BrokerOption.settings(broker.value));
        }
        try (JobContext peek = JobContext.open(database.url())) {
            var execution = Executions.refusingUnknown(() -> peek.executions().status(executionId));
            return peek.specs().find(execution.jobInstanceId()).map(BrokerOption::modeOf)
                    .orElseGet(JobContext.Mode.Embedded::new);
        }
    }
}
