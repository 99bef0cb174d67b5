package org.edgebatch.cli;

import java.nio.file.Path;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;

/**
 * How a run or restart ended, as {@code run --json} and {@code restart --json} print it.
 *
 * @param jobExecutionId the execution
 * @param jobInstanceId  its job instance (a restart continues the same instance)
 * @param jobName        the job (the spec's name)
 * @param status         COMPLETED, FAILED, STOPPED, ...; only COMPLETED exits with 0
 * @param exitCode       Spring Batch's exit code
 * @param failure        why it failed (the root cause of the first failure), empty otherwise
 * @param reportFile     the run report {@code <output>/runs/<repository>/<jobExecutionId>/report.json}
 * @param eventsFolder   the folder of the instance's event files ({@code <output>/<job>/<repository>/<jobInstanceId>}),
 *                       one sub-folder per node
 * @param report         the run report itself (the contract {@code report.json} holds)
 */
record RunOutcome(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode, String failure,
                  String reportFile, String eventsFolder, RunReport report) {

    static RunOutcome of(JobStatusView status, JobSpec spec, RunReport report, OutputLayout layout) {
        Path reportFile = layout.runReport(spec.output(), status.jobExecutionId());
        Path events = layout.events(spec.output(), spec.name(), status.jobInstanceId());
        return new RunOutcome(status.jobExecutionId(), status.jobInstanceId(), status.jobName(), status.status(),
                status.exitCode(), status.failure(), reportFile.toString(), events.toString(), report);
    }

    boolean completed() {
        return "COMPLETED".equals(status);
    }
}
