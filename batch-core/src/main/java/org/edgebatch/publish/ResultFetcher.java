package org.edgebatch.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fetches published node folders back ({@code edgebatch get}) and verifies them: each folder is written under the
 * SHA-256 of its {@code manifest.json} (the folder's content address, like a per-node result CID), and every file the
 * manifest lists is checked for its size and SHA-256. A file that is missing or differs is named, never hidden.
 */
public final class ResultFetcher {

    private final Publisher source;

    public ResultFetcher(Publisher source) {
        this.source = Objects.requireNonNull(source, "source must not be null");
    }

    /**
     * One node folder fetched.
     *
     * @param manifestSha256 the SHA-256 of the manifest's bytes, the folder's name; null when there was no manifest
     * @param problems       every missing or altered file, by name; empty when the folder verified
     */
    public record Fetched(String nodeId, long jobExecutionId, String manifestSha256, Path folder, int files, List<String> problems) {

        public Fetched {
            problems = List.copyOf(problems);
        }

        public boolean verified() {
            return problems.isEmpty();
        }
    }

    public Fetched fetch(String jobName, String nodeId, long jobExecutionId, Path output) throws IOException {
        var manifestBytes = source.read(jobName, nodeId, jobExecutionId, Manifest.FILE_NAME);
        if (manifestBytes.isEmpty()) {
            return new Fetched(nodeId, jobExecutionId, null, null, 0, List.of(Manifest.FILE_NAME + " is missing from "
                    + source.target() + " for node " + nodeId + " of execution " + jobExecutionId));
        }
        String address = FileDigest.ofBytes(manifestBytes.get()).sha256();
        Manifest manifest = Manifest.parse(new String(manifestBytes.get(), java.nio.charset.StandardCharsets.UTF_8));
        Path folder = Files.createDirectories(output.resolve(address));
        Files.write(folder.resolve(Manifest.FILE_NAME), manifestBytes.get());
        List<String> problems = new ArrayList<>();
        for (Manifest.Entry entry : manifest.files()) {
            Path file = folder.resolve(entry.name()).normalize();
            if (!file.startsWith(folder) || entry.name().equals(Manifest.FILE_NAME)) {
                problems.add(entry.name() + ": not a file name the manifest may list");
                continue;
            }
            var bytes = source.read(jobName, nodeId, jobExecutionId, entry.name());
            if (bytes.isEmpty()) {
                problems.add(entry.name() + ": missing");
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes.get());
            String sha256 = FileDigest.ofBytes(bytes.get()).sha256();
            if (bytes.get().length != entry.bytes() || !sha256.equals(entry.sha256())) {
                problems.add(entry.name() + ": altered (" + bytes.get().length + " bytes, SHA-256 " + sha256
                        + "; the manifest says " + entry.bytes() + " bytes, SHA-256 " + entry.sha256() + ")");
            }
        }
        return new Fetched(nodeId, jobExecutionId, address, folder, manifest.files().size(), problems);
    }
}
