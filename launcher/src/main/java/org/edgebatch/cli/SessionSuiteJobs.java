package org.edgebatch.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.edgebatch.bench.suite.SuiteJobs;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * {@code bench suite}'s jobs run through a {@link JobSession} on a job repository of its own, as {@code run} would run
 * them. Only loaded where the benchmarks are on the class path (see {@link BenchLibraries}).
 */
final class SessionSuiteJobs implements SuiteJobs {

    private final JobSession session;

    SessionSuiteJobs(JobSession session) {
        this.session = session;
    }

    @Override
    public Run run(Path specFile) throws InterruptedException {
        JobSpec spec = new JobSpecLoader().load(specFile);
        JobRun run = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow();
        JobExecution execution = session.follow(run, ProgressMonitor.Mode.NONE);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("The job of " + specFile + " ended " + execution.getStatus()
                    + "; see: edgebatch status " + execution.getId() + " --db " + session.databaseUrl());
        }
        RunReport report = session.executions().report(execution.getId());
        double wall = Duration.between(execution.getStartTime(), execution.getEndTime()).toNanos() / 1e9;
        return new Run(report.totals().framesInferred(), wall);
    }
}
