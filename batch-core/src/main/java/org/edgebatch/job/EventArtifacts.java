package org.edgebatch.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files made for one event on its node: the event's JSON, its snapshot and its clip (each optional but the JSON),
 * and their total size.
 */
public record EventArtifacts(Path json, Path snapshot, Path clip, long bytes) {

    public EventArtifacts {
        Objects.requireNonNull(json, "json must not be null");
    }

    /** The files that exist, JSON last (a receiver that sees the JSON can expect the images). */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (snapshot != null) {
            files.add(snapshot);
        }
        if (clip != null) {
            files.add(clip);
        }
        files.add(json);
        return files;
    }
}
