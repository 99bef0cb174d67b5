package org.edgebatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgebatch.job.JobSummaryView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgebatch jobs}: the latest executions of every job, newest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Lists the latest job executions, newest first.",
                "--json: an array of {jobExecutionId, jobInstanceId, jobName, status, exitCode, startTime, endTime}."})
final class JobsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N executions (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandRefusal("--limit must be 1 or more, was " + limit);
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        try (RepositoryReader repository = RepositoryReader.open(database.url())) {
            List<JobSummaryView> jobs = repository.executions().jobs(limit);
            if (json) {
                out.println(JsonOutput.pretty(jobs));
            } else if (jobs.isEmpty()) {
                out.println("No job executions in " + repository.databaseUrl());
            } else {
                TextTable table = new TextTable(">execution", ">instance", "job", "status", "started", "ended");
                jobs.forEach(job -> table.row(job.jobExecutionId(), job.jobInstanceId(), job.jobName(), job.status(),
                        Times.shortTime(job.startTime()), Times.shortTime(job.endTime())));
                table.print(out, "");
            }
            out.flush();
            return ExitCodes.COMPLETED;
        }
    }
}
