package org.edgebatch.publish;

/**
 * The store could not be reached, timed out, or failed on its side (5xx, a checksum it did not acknowledge): the
 * event stays PENDING and is worth sending again later, unlike a {@link PublishException} that needs an operator.
 */
public class RetryablePublishException extends PublishException {

    public RetryablePublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
