package org.edgebatch.job;

import java.io.IOException;
import java.util.Objects;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.report.RunReportWriter;
import org.edgebatch.spec.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Around every execution of a video inference job: before it, stores the spec with its instance and starts the
 * process heartbeat; after it (also after a failure), stops the heartbeat, closes the execution's detectors and writes
 * the run report.
 */
final class JobRunListener implements JobExecutionListener {

    /** Spring Batch's marker that {@code recover} ran; copied to a restart's context, it would stop the next recover. */
    static final String RECOVERED_KEY = "batch.recovered";

    private static final Logger log = LoggerFactory.getLogger(JobRunListener.class);

    private final JobSpec spec;
    private final String specSource;
    private final JobSpecStore specs;
    private final ProcessHeartbeat heartbeat;
    private final NodeDetectors detectors;
    private final RunReportBuilder reports;
    private final RunReportWriter reportWriter;

    JobRunListener(JobSpec spec, String specSource, JobSpecStore specs, ProcessHeartbeat heartbeat, NodeDetectors detectors,
                   RunReportBuilder reports, RunReportWriter reportWriter) {
        this.spec = Objects.requireNonNull(spec, "spec must not be null");
        this.specSource = specSource;
        this.specs = specs;
        this.heartbeat = heartbeat;
        this.detectors = detectors;
        this.reports = reports;
        this.reportWriter = reportWriter;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        heartbeat.start(execution.getId());
        long instanceId = execution.getJobInstance().getInstanceId();
        if (specs.source(instanceId).isEmpty()) {
            specs.save(instanceId, spec, specSource);
        }
        execution.getExecutionContext().remove(RECOVERED_KEY);
    }

    @Override
    public void afterJob(JobExecution execution) {
        heartbeat.stop(execution.getId());
        detectors.release(execution.getId());
        try {
            reportWriter.write(reports.build(execution.getId()), spec.output());
        } catch (IOException | RuntimeException e) {
            log.error("the run report of execution {} could not be written under {}: {}", execution.getId(), spec.output(), e.toString());
        }
    }
}
