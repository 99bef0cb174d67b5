package org.edgebatch.job;

import org.springframework.batch.core.job.JobExecution;

/**
 * Makes the last execution of a job instance restartable, or says why it cannot be restarted now. A run killed with
 * its process stays STARTED, which Spring Batch refuses to restart; the mode knows how to tell a dead run from a live
 * one: by the manager process's heartbeat (embedded), and in distributed mode also by each partition's worker.
 */
public interface ExecutionRecovery {

    /**
     * Called before every restart with the instance's last execution (which has not completed).
     *
     * @throws LaunchRefusedException when it cannot be restarted now, saying why and what to do
     */
    void prepare(JobExecution last);
}
