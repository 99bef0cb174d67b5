package org.edgebatch.node;

/**
 * The video inventory cannot be taken, so the job must not start: an input path that does not exist, a target naming
 * no node, no matching video files. The message names the path, node or glob at fault.
 */
public class InventoryException extends RuntimeException {

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
