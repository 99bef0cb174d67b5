package org.edgebatch.cli;

import org.edgebatch.job.LaunchRefusedException;
import org.edgebatch.node.InventoryException;
import org.edgebatch.partition.registry.NodeTakenException;
import org.edgebatch.spec.JobSpecException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line on stderr and an exit code: 2 for a job that was refused
 * before it started (a bad spec, a path outside the allow-list, an unusable model, an unknown execution, a job
 * repository that cannot be opened), 1 for anything else.
 * The stack trace is printed only with {@code EDGEBATCH_DEBUG=1}, because users need the
 * message (which names the file, field or library at fault), not our call stack.
 */
final class ErrorMessageHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        err.println("edgebatch " + commandLine.getCommandName() + ": " + describe(ex));
        if ("1".equals(System.getenv("EDGEBATCH_DEBUG"))) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode(ex);
    }

    static int exitCode(Throwable ex) {
        return ex instanceof JobSpecException || ex instanceof InventoryException || ex instanceof LaunchRefusedException
                || ex instanceof CommandRefusal || ex instanceof JobContext.JobRepositoryException
                || ex instanceof JobContext.BrokerUnreachableException || ex instanceof NodeTakenException
                ? ExitCodes.REFUSED : ExitCodes.NOT_COMPLETED;
    }

    static String describe(Throwable ex) {
        String message = ex.getMessage();
        Throwable cause = ex.getCause();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName();
        }
        // These already end with their root cause's message, which is what matters.
        boolean complete = ex instanceof JobContext.JobRepositoryException || ex instanceof JobContext.BrokerUnreachableException;
        if (!complete && cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message;
    }
}
