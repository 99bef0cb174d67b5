package org.edgebatch.cli;

/** A command that cannot do what was asked (no such execution, nothing to show); exit code 2 with the message. */
final class CommandRefusal extends RuntimeException {

    CommandRefusal(String message) {
        super(message);
    }

    CommandRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
