package org.edgebatch.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/** Looks executions up by id, an unknown id reported as such. */
final class Executions {

    private Executions() {
    }

    /** @throws IllegalArgumentException when there is no such execution */
    static JobExecution find(JobRepository jobRepository, long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            // The JDBC repository of Spring Batch 6 throws for an unknown id where its contract says null.
            execution = null;
        }
        if (execution == null) {
            throw new IllegalArgumentException("there is no job execution " + executionId);
        }
        return execution;
    }
}
