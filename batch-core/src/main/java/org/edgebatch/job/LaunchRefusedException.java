package org.edgebatch.job;

/**
 * A job that must not start (or restart): a model that cannot be loaded, a publish target this build cannot use, an
 * execution still running in a live process. Thrown before anything is written; the message says what and why.
 */
public class LaunchRefusedException extends RuntimeException {

    public LaunchRefusedException(String message) {
        super(message);
    }

    public LaunchRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
