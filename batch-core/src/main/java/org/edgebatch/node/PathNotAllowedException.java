package org.edgebatch.node;

import java.nio.file.Path;

/**
 * A path that resolves (through {@code ..} or symbolic links) to a place outside the allow-list of the node(s) that
 * would read it. The message names the path as given, what it resolved to, and the nodes with their allow-lists.
 */
public class PathNotAllowedException extends InventoryException {

    private final Path path;
    private final Path realPath;

    public PathNotAllowedException(String message, Path path, Path realPath) {
        super(message);
        this.path = path;
        this.realPath = realPath;
    }

    /** The path as it was given or found. */
    public Path path() {
        return path;
    }

    /** Where it really leads. */
    public Path realPath() {
        return realPath;
    }
}
