package org.edgebatch.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes folders, files of a given size and symbolic links under a test's temporary folder. */
record Disk(Path root) {

    Path folder(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String name, int bytes) {
        try {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, new byte[bytes]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path link(String name, Path target) {
        try {
            Path link = root.resolve(name);
            Files.createDirectories(link.getParent());
            return Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real path, as the inventory reports files (the temporary folder may itself sit behind a link). */
    Path real(String name) {
        try {
            return root.resolve(name).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
