package org.edgebatch.cli;

import java.io.PrintWriter;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.report.RunSummary;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.job.JobExecution;

/** Prints how a run or restart ended: the one-screen summary and where its report and events are, or JSON. */
final class RunOutcomePrinter {

    private final JobSession session;
    private final PrintWriter out;
    private final boolean json;
    private final boolean jsonLines;

    RunOutcomePrinter(JobSession session, PrintWriter out, boolean json, boolean jsonLines) {
        this.session = session;
        this.out = out;
        this.json = json;
        this.jsonLines = jsonLines;
    }

    /** Prints the outcome of an execution that has ended and returns the command's exit code. */
    RunOutcome print(JobExecution execution) {
        ExecutionExplorer executions = session.executions();
        long id = execution.getId();
        JobStatusView status = executions.status(id);
        JobSpec spec = session.specs().load(status.jobInstanceId());
        RunOutcome outcome = RunOutcome.of(status, spec, executions.report(id), session.bean(OutputLayout.class));
        if (json) {
            out.println(jsonLines ? JsonOutput.line(outcome) : JsonOutput.pretty(outcome));
        } else {
            out.print(RunSummary.format(outcome.report()));
            out.println();
            out.println("Report:  " + outcome.reportFile());
            out.println("Events:  " + outcome.eventsFolder() + "  (list them: edgebatch events " + id + dbHint() + ")");
            if (!outcome.completed()) {
                if (!outcome.failure().isEmpty()) {
                    out.println("Failure: " + outcome.failure());
                }
                out.println(outcome.status() + "; run the unfinished part again with: edgebatch restart " + id + dbHint());
            }
        }
        out.flush();
        return outcome;
    }

    /** The {@code --db} a follow-up command needs, unless the repository is the default one. */
    private String dbHint() {
        return DatabaseUrls.resolve(null).equals(session.databaseUrl()) ? "" : " --db '" + session.databaseUrl() + "'";
    }
}
