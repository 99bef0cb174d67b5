package org.edgebatch.cli;

import java.util.concurrent.Callable;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.job.ProcessHeartbeat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgebatch stop}: asks a running execution, in this or another process, to stop after its current chunk. */
@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Asks a running execution to stop: each partition stops after its current chunk and the execution ends"
                + " STOPPED, restartable with: edgebatch restart EXECUTION_ID.",
                "Exit code: 0 when the stop was requested, 2 when the execution is not running."})
final class StopCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The execution to stop.")
    long executionId;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print the execution's status after the request as JSON.")
    boolean json;

    @Override
    public Integer call() {
        var out = commandSpec.commandLine().getOut();
        try (JobSession session = JobSession.open(database.url(), commandSpec.commandLine().getErr())) {
            JobStatusView before = Executions.refusingUnknown(() -> session.executions().status(executionId));
            if (!"STARTED".equals(before.status()) && !"STARTING".equals(before.status()) && !"STOPPING".equals(before.status())) {
                throw new CommandRefusal("execution " + executionId + " is not running: it is " + before.status());
            }
            if (session.bean(ProcessHeartbeat.class).liveness(executionId) instanceof ProcessHeartbeat.Liveness.Dead(String reason)) {
                throw new CommandRefusal("execution " + executionId + " is not running in any live process (" + reason
                        + "); run its unfinished part with: edgebatch restart " + executionId);
            }
            session.jobs().stop(executionId);
            JobStatusView after = session.executions().status(executionId);
            if (json) {
                out.println(JsonOutput.pretty(after));
            } else {
                out.println("Execution " + executionId + " of job " + after.jobName() + ": stop requested (" + after.status()
                        + "); its partitions stop after their current chunk"
                        + (before.runner().isEmpty() ? "" : " in process " + before.runner()) + ".");
                out.println("Resume it later with: edgebatch restart " + executionId);
            }
            out.flush();
            return ExitCodes.COMPLETED;
        }
    }
}
