package org.edgebatch.cli;

import java.util.function.Supplier;

/** Helpers of the commands that name an execution by id. */
final class Executions {

    private Executions() {
    }

    /** Runs a query on an execution, turning "there is no job execution N" into a refusal (exit code 2). */
    static <T> T refusingUnknown(Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw new CommandRefusal(e.getMessage(), e);
        }
    }
}
