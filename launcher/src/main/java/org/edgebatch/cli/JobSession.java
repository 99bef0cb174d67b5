package org.edgebatch.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.VideoJobOperator;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.JobSpecStore;
import org.springframework.batch.core.job.JobExecution;

/**
 * A job command's time with the job repository: the Spring context, and a shutdown hook so that Ctrl-C (SIGINT or
 * SIGTERM) stops a running job cleanly, after the current chunk of each partition, leaving it STOPPED and restartable,
 * before the context closes. A killed process (SIGKILL) cannot do this; {@code restart} recovers it.
 */
final class JobSession implements AutoCloseable {

    static final long STOP_WAIT_SECONDS = 60;

    private final JobContext context;
    private final PrintWriter err;
    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile JobRun current;
    private volatile long currentId = -1;

    private JobSession(JobContext context, PrintWriter err) {
        this.context = context;
        this.err = err;
        this.hook = Thread.ofPlatform().name("edgebatch-shutdown").unstarted(this::shutdown);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static JobSession open(String databaseUrl, PrintWriter err) {
        return new JobSession(JobContext.open(databaseUrl), err);
    }

    /** A session of the given mode (a distributed run's manager, say). */
    static JobSession open(String databaseUrl, JobContext.Mode mode, PrintWriter err) {
        return new JobSession(JobContext.open(databaseUrl, mode), err);
    }

    /** A session about to run a job: where its nodes infer in this process, ONNX Runtime loads beside the context's start. */
    static JobSession openToRun(String databaseUrl, JobContext.Mode mode, PrintWriter err) {
        return new JobSession(JobContext.open(databaseUrl, mode, true), err);
    }

    VideoJobOperator jobs() {
        return context.jobs();
    }

    ExecutionExplorer executions() {
        return context.executions();
    }

    JobSpecStore specs() {
        return context.specs();
    }

    <T> T bean(Class<T> type) {
        return context.bean(type);
    }

    String databaseUrl() {
        return context.databaseUrl();
    }

    /** Waits for a started run to end, showing its progress; the run is stopped cleanly if the process is asked to end. */
    JobExecution follow(JobRun run, ProgressMonitor.Mode mode) throws InterruptedException {
        long id = run.awaitExecutionId();
        current = run;
        currentId = id;
        if (mode != ProgressMonitor.Mode.NONE) {
            err.println("Execution " + id + " started; stop it with: edgebatch stop " + id);
            err.flush();
        }
        try (ProgressMonitor ignored = ProgressMonitor.start(executions()::progress, id, err, mode)) {
            return run.await();
        } finally {
            current = null;
        }
    }

    private void shutdown() {
        JobRun run = current;
        if (run != null && !run.completion().isDone()) {
            err.println();
            err.println("edgebatch: stopping execution " + currentId + " after the current chunk (restart it with: edgebatch restart "
                    + currentId + ")");
            err.flush();
            try {
                jobs().stop(currentId);
                run.completion().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                // Let the command print how the run ended before the context goes.
                reported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                err.println("edgebatch: execution " + currentId + " did not stop cleanly: " + ErrorMessageHandler.describe(e));
                err.flush();
            }
        }
        context.close();
    }

    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook stops the job and closes the context.
            return;
        }
        context.close();
    }
}
