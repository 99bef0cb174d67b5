package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One logical node of an embedded run: its id, its labels, and the folders it may read (its allow-list).
 * A video file belongs to the node(s) whose allow-list contains it.
 *
 * @param id     {@code [a-z0-9][a-z0-9-_.]{0,62}}, unique in the spec; required
 * @param labels free {@code key: value} pairs a {@code label:<key>=<value>} target selects on; default none
 * @param paths  the allow-list: folders or files, resolved against the spec file's folder; required, non-empty
 */
public record NodeSpec(String id, Map<String, String> labels, List<Path> paths) {

    /** The node an embedded run has when the spec declares none. */
    public static final String LOCAL_ID = "local";

    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    public static final String ID_RULE = "lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, at most 63";

    public NodeSpec {
        // Sorted, so messages and reports list labels the same way every run.
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        paths = List.copyOf(paths);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static NodeSpec bind(String id, Map<String, String> labels, List<Path> paths) {
        return new NodeSpec(id, SpecValues.map("labels", labels), SpecValues.list("paths", paths));
    }

    /** The single node of an embedded run whose spec declares no nodes: it may read the input paths. */
    public static NodeSpec local(List<Path> inputPaths) {
        return new NodeSpec(LOCAL_ID, Map.of(), inputPaths);
    }

    void validate(SpecProblems problems) {
        problems.requireText("id", id);
        if (id != null && !id.isBlank() && !ID_PATTERN.matcher(id).matches()) {
            problems.add("id", "must be " + ID_RULE + " characters, was '" + id + "'");
        }
        labels.forEach((key, value) -> {
            if (!TargetSpec.LABEL_PART.matcher(key).matches()) {
                problems.add("labels", "has a key that is not letters, digits, '.', '_', '/' or '-': '" + key + "'");
            }
            if (!TargetSpec.LABEL_PART.matcher(value).matches()) {
                problems.add("labels." + key, "must be letters, digits, '.', '_', '/' or '-', was '" + value + "'");
            }
        });
        problems.requireNonEmpty("paths", paths);
    }
}
