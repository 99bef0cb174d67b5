package org.edgebatch.bench.suite;

import java.nio.file.Path;

/**
 * Runs the suite's jobs, as whoever owns the job repository runs them (the launcher's {@code bench suite}); this
 * module knows nothing of job repositories.
 */
public interface SuiteJobs {

    /** One run of a job to its end: frames inferred and the wall time from its start to its end. */
    record Run(long framesInferred, double wallSeconds) {
    }

    /**
     * Runs the job of {@code spec} once.
     *
     * @throws IllegalStateException when it ends other than COMPLETED, saying how and where to look
     */
    Run run(Path spec) throws Exception;
}
