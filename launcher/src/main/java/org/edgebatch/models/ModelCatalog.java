package org.edgebatch.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files {@code edgebatch models pull} can fetch: official exports and public sample clips with their licences,
 * each pinned by URL and SHA-256. The built-in catalogue is {@code catalog.json} beside this class; {@code --catalog}
 * reads another (a mirror).
 */
public record ModelCatalog(List<CatalogEntry> entries) {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public ModelCatalog {
        entries = List.copyOf(entries);
    }

    /** The catalogue this program ships. */
    public static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("catalog.json")) {
            return JSON.readValue(in, ModelCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in model catalogue: " + e.getMessage(), e);
        }
    }

    /**
     * A catalogue file of the same shape.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static ModelCatalog read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), ModelCatalog.class);
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("catalogue " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The entry called {@code name}.
     *
     * @throws IllegalArgumentException listing the known names when there is none by that name
     */
    public CatalogEntry byName(String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no '" + name + "' in the catalogue; known: "
                        + String.join(", ", entries.stream().map(CatalogEntry::name).toList())));
    }

    /** The first model of the catalogue in {@code models/}, the one to suggest pulling. */
    public CatalogEntry defaultModel() {
        return entries.stream().filter(entry -> entry.kind().equals("model")).findFirst().orElseThrow();
    }

    /** The first clip of the catalogue. */
    public CatalogEntry defaultClip() {
        return entries.stream().filter(entry -> entry.kind().equals("clip")).findFirst().orElseThrow();
    }
}
