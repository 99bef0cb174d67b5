package org.edgebatch.partition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;

/** Writes and loads job specs for tests. */
final class Specs {

    private Specs() {
    }

    /** Loads {@code yaml}, written to {@code dir/name.yaml}. */
    static JobSpec load(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, yaml);
            return new JobSpecLoader(dir).load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
