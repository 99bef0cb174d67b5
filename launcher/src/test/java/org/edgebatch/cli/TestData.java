package org.edgebatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;

/** The launcher tests' own inputs: walking-person clips as a camera uploads them, and spec files. */
final class TestData {

    private TestData() {
    }

    /**
     * Renders {@link WalkingFootage#walking} into {@code file}, with its index first (faststart) as uploaded clips
     * have it: the person stands at the left, walks to the right between {@code walkFrom} and {@code walkTo} seconds,
     * and stands there afterwards.
     */
    static Path walking(Path file, int width, int height, int fps, double seconds, double walkFrom, double walkTo) {
        return WalkingFootage.render(WalkingFootage.walking(width, height, fps, seconds, walkFrom, walkTo).faststart(true),
                file);
    }

    /**
     * Writes the tests' usual spec to {@code dir/name.yaml}: the fast model over {@code dir/videos} into
     * {@code dir/out}, {@code chunkSize} frames a chunk on two threads, publishing nothing.
     */
    static Path fastModelSpec(Path dir, String name, int chunkSize) {
        return spec(dir, name, """
                name: %s
                input: {paths: [videos]}
                model: {path: %s}
                chunkSize: %d
                threads: 2
                output: out
                publish: {target: none}
                """.formatted(name, SharedData.fastModel(), chunkSize));
    }

    /** Writes {@code yaml} to {@code dir/name.yaml}. */
    static Path spec(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
