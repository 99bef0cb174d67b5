package org.edgebatch.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code manifest.json} of one published folder: every file in it with its size and SHA-256, so whoever receives
 * the folder can check it, and whether it was redacted before it left the node. Rewritten whole (beside, then moved over) each time a file is added.
 */
public record Manifest(String job, long jobExecutionId, String node, List<Entry> files) {

    public static final String FILE_NAME = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One file: its name in the folder, its size, its SHA-256 in hex, and whether it is a redacted copy (boxes of the
     * spec's {@code events.redact} classes blurred) of the file the node keeps.
     */
    public record Entry(String name, long bytes, String sha256, boolean redacted) {

        /** A file sent as the node has it. */
        public Entry(String name, long bytes, String sha256) {
            this(name, bytes, sha256, false);
        }

        /** Reads manifests written before {@code redacted} existed as not redacted. */
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Entry bind(String name, long bytes, String sha256, Boolean redacted) {
            return new Entry(name, bytes, sha256, Boolean.TRUE.equals(redacted));
        }
    }

    public Manifest {
        files = List.copyOf(files);
    }

    /** The manifest in {@code folder}, or an empty one. */
    public static Manifest read(Path folder, String job, long jobExecutionId, String node) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Manifest(job, jobExecutionId, node, List.of());
        }
        return JSON.readValue(Files.readString(file), Manifest.class);
    }

    /** A manifest from its JSON. */
    public static Manifest parse(String json) {
        return JSON.readValue(json, Manifest.class);
    }

    /** The JSON written to {@code manifest.json}. */
    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    /** This manifest with {@code entries} added (replacing entries of the same name), sorted by name. */
    public Manifest with(List<Entry> entries) {
        Map<String, Entry> byName = new TreeMap<>();
        files.forEach(entry -> byName.put(entry.name(), entry));
        entries.forEach(entry -> byName.put(entry.name(), entry));
        List<Entry> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(Entry::name));
        return new Manifest(job, jobExecutionId, node, sorted);
    }

    public void write(Path folder) throws IOException {
        Path partial = Files.createTempFile(folder, FILE_NAME, ".part");
        try {
            Files.writeString(partial, toJson());
            Files.move(partial, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
