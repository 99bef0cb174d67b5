package org.edgebatch.cli;

import org.springframework.batch.core.BatchStatus;

/** The exit codes of the job commands. */
final class ExitCodes {

    /** The job COMPLETED (or a query succeeded). */
    static final int COMPLETED = 0;
    /** The job ended FAILED, STOPPED or otherwise not completed. */
    static final int NOT_COMPLETED = 1;
    /** Nothing was started: a bad spec, an input outside the allow-list, a missing model, an unknown execution. */
    static final int REFUSED = 2;
    /** {@code demo} found no model to run. */
    static final int NO_MODEL = 3;

    private ExitCodes() {
    }

    static int of(BatchStatus status) {
        return status == BatchStatus.COMPLETED ? COMPLETED : NOT_COMPLETED;
    }
}
