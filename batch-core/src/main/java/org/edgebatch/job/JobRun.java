package org.edgebatch.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.springframework.batch.core.job.JobExecution;

/**
 * A job started in the background: its execution id as soon as the execution exists (to poll its progress), and the
 * execution once it has ended.
 */
public record JobRun(CompletableFuture<Long> executionId, CompletableFuture<JobExecution> completion) {

    /** Waits for the execution to exist and returns its id; rethrows what kept it from starting. */
    public long awaitExecutionId() throws InterruptedException {
        try {
            return CompletableFuture.anyOf(executionId, completion).thenCompose(any -> executionId).get();
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /** Waits for the execution to end and returns it. */
    public JobExecution await() throws InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
