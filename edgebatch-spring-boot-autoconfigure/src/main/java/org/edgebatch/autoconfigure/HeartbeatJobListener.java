package org.edgebatch.autoconfigure;

import java.util.Objects;
import org.edgebatch.job.ProcessHeartbeat;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Beats for a job execution while it runs in this process. */
public final class HeartbeatJobListener implements JobExecutionListener {

    private final ProcessHeartbeat heartbeat;

    public HeartbeatJobListener(ProcessHeartbeat heartbeat) {
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat must not be null");
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        heartbeat.start(jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        heartbeat.stop(jobExecution.getId());
    }
}
