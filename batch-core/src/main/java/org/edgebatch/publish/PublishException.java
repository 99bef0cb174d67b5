package org.edgebatch.publish;

/** An event's artifacts could not be published; the message names the event, the target and the cause. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }

    public PublishException(String message) {
        super(message);
    }
}
