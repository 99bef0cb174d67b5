package org.edgebatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line on stderr and exit code 1.
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
        return 1;
    }

    static String describe(Throwable ex) {
        String message = ex.getMessage();
        Throwable cause = ex.getCause();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName();
        }
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message;
    }
}
