package org.edgebatch.job;

import java.util.Objects;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;

/**
 * The embedded mode's recovery: an execution still marked running is restartable once the process that ran it is
 * gone (its heartbeat says so); it is then marked FAILED with Spring Batch's {@link JobOperator#recover}. A run whose
 * process is alive is refused, naming host and pid.
 */
public final class ProcessRecovery implements ExecutionRecovery {

    private final JobOperator jobOperator;
    private final ProcessHeartbeat heartbeat;

    public ProcessRecovery(JobOperator jobOperator, ProcessHeartbeat heartbeat) {
        this.jobOperator = Objects.requireNonNull(jobOperator, "jobOperator must not be null");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat must not be null");
    }

    @Override
    public void prepare(JobExecution last) {
        if (!last.getStatus().isRunning()) {
            return;
        }
        refuseIfAlive(heartbeat, last);
        jobOperator.recover(last);
        heartbeat.stop(last.getId());
    }

    /** Refuses a restart of an execution whose manager process is alive. */
    public static void refuseIfAlive(ProcessHeartbeat heartbeat, JobExecution execution) {
        if (heartbeat.liveness(execution.getId()) instanceof ProcessHeartbeat.Liveness.Alive(String host, long pid, long seen)) {
            throw new LaunchRefusedException("execution " + execution.getId() + " is still running in process " + pid
                    + " on " + host + "; stop it first (edgebatch stop " + execution.getId() + ")");
        }
    }
}
