package org.edgebatch.publish;

import java.nio.file.Path;

/**
 * Where a node keeps the redacted copies it publishes: a {@value #FOLDER} folder inside its event folder, each copy
 * under the name of the file it was made from. The node's own files stay unredacted beside it; the outbox lists the
 * copies, so they are what leaves the node (under the original names), and publishers mark them redacted in the
 * {@link Manifest}.
 */
public final class RedactedCopies {

    public static final String FOLDER = "redacted";

    private RedactedCopies() {
    }

    /** The folder of the redacted copies of the files in {@code eventFolder}. */
    public static Path folder(Path eventFolder) {
        return eventFolder.resolve(FOLDER);
    }

    /** Whether {@code file} is a redacted copy (it lies in a {@value #FOLDER} folder). */
    public static boolean isRedacted(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(FOLDER);
    }
}
