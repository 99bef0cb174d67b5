package org.edgebatch.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files made for one event on its node: the event's JSON, its snapshot and its clip (each optional but the JSON),
 * and their total size; with redaction, the redacted copies of the snapshot and clip that are published instead.
 */
public record EventArtifacts(Path json, Path snapshot, Path clip, long bytes, Path redactedSnapshot, Path redactedClip) {

    public EventArtifacts {
        Objects.requireNonNull(json, "json must not be null");
    }

    /** Artifacts without redacted copies. */
    public EventArtifacts(Path json, Path snapshot, Path clip, long bytes) {
        this(json, snapshot, clip, bytes, null, null);
    }

    /**
     * The files that leave the node, JSON last (a receiver that sees the JSON can expect the images): the redacted copy
     * of an image where there is one, never the node's unredacted file then.
     */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (snapshot != null) {
            files.add(redactedSnapshot != null ? redactedSnapshot : snapshot);
        }
        if (clip != null) {
            files.add(redactedClip != null ? redactedClip : clip);
        }
        files.add(json);
        return files;
    }
}
