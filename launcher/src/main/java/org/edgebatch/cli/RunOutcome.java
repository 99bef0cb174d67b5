package org.edgebatch.cli;

import java.nio.file.Path;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.report.RunReport;
import org.edgebatch.report.RunReportWriter;
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
 * @param reportFile     the run report {@code <output>/runs/<jobExecutionId>/report.json}
 * @param eventsFolder   the folder of the instance's event files, one sub-folder per node
 * @param report         the run report itself (the contract {@code report.json} holds)
 */
record RunOutcome(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode, String failure,
                  String reportFile, String eventsFolder, RunReport report) {

    static RunOutcome of(JobStatusView status, JobSpec spec, RunReport report) {
        Path reportFile = RunReportWriter.location(spec.output(), status.jobExecutionId());
        Path events = spec.output().resolve(spec.name()).resolve(Long.toString(status.jobInstanceId()));
        return new RunOutcome(status.jobExecutionId(), status.jobInstanceId(), status.jobName(), status.status(),
                status.exitCode(), status.failure(), reportFile.toString(), events.toString(), report);
    }

    boolean completed() {
        return "COMPLETED".equals(status);
    }
}
