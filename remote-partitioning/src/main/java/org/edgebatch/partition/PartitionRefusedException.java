package org.edgebatch.partition;

/** A worker will not run a partition: the message says why (a path outside its allow-list, a different model, ...). */
public final class PartitionRefusedException extends RuntimeException {

    public PartitionRefusedException(String message) {
        super(message);
    }

    public PartitionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
