package org.edgebatch.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edgebatch.output.OutputLayout;

/**
 * Publishes into a folder ({@code file://} targets): an event's files go to
 * {@code <target>/<job>/<repository>/<jobExecutionId>/<node>/} (see {@link OutputLayout}), each copied beside its final
 * name, checked against the source's SHA-256 and moved into place; then the folder's {@link Manifest} is rewritten with
 * the new entries. Copying the same entry again gives the same folder.
 */
public final class FilePublisher implements Publisher {

    private final Path target;
    private final OutputLayout layout;

    public FilePublisher(Path target, OutputLayout layout) {
        this.target = Objects.requireNonNull(target, "target must not be null").toAbsolutePath();
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
    }

    @Override
    public String target() {
        return target.toUri().toString();
    }

    /** The folder an entry's files go to. */
    public Path folderOf(OutboxEntry entry) {
        return layout.published(target, entry.jobName(), entry.jobExecutionId(), entry.nodeId());
    }

    @Override
    public long publish(OutboxEntry entry) {
        Path folder = folderOf(entry);
        try {
            Files.createDirectories(folder);
            List<Manifest.Entry> added = new ArrayList<>();
            for (Path file : entry.files()) {
                added.add(copy(file, folder));
            }
            Manifest.read(folder, entry.jobName(), entry.jobExecutionId(), entry.nodeId()).with(added).write(folder);
            return added.stream().mapToLong(Manifest.Entry::bytes).sum();
        } catch (IOException | RuntimeException e) {
            throw new PublishException("event " + entry.eventKey() + " could not be published to " + folder + ": " + e, e);
        }
    }

    @Override
    public java.util.Optional<byte[]> read(String jobName, String nodeId, long jobExecutionId, String name) {
        Path file = layout.published(target, jobName, jobExecutionId, nodeId).resolve(name);
        try {
            return Files.isRegularFile(file) ? java.util.Optional.of(Files.readAllBytes(file)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new PublishException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Manifest.Entry copy(Path source, Path folder) throws IOException {
        String name = source.getFileName().toString();
        String expected = Sha256.of(source);
        Path partial = Files.createTempFile(folder, name, ".part");
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            String copied = Sha256.of(partial);
            if (!copied.equals(expected)) {
                throw new IOException("the copy of " + source + " has SHA-256 " + copied + ", the source " + expected);
            }
            Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Manifest.Entry(name, Files.size(folder.resolve(name)), expected, RedactedCopies.isRedacted(source));
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
