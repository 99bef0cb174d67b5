package org.edgebatch.partition.registry;

/** Another live worker holds the node id this worker asked for. */
public final class NodeTakenException extends RuntimeException {

    public NodeTakenException(String message) {
        super(message);
    }
}
