package org.edgebatch.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects validation problems while the spec's records check their own fields, so one run reports all of them.
 * A view made with {@link #in(String)} prefixes field names with its section ({@code model.} + {@code confidence}).
 */
final class SpecProblems {

    private final String prefix;
    private final List<SpecProblem> sink;

    SpecProblems() {
        this("", new ArrayList<>());
    }

    private SpecProblems(String prefix, List<SpecProblem> sink) {
        this.prefix = prefix;
        this.sink = sink;
    }

    SpecProblems in(String section) {
        return new SpecProblems(path(section), sink);
    }

    SpecProblems in(String list, int index) {
        return new SpecProblems(path(list) + "[" + index + "]", sink);
    }

    String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    List<SpecProblem> all() {
        return List.copyOf(sink);
    }

    /** Adds {@code <field> <predicate>}, e.g. {@code chunkSize must be between 1 and 1024, was 0}. */
    void add(String field, String predicate) {
        sink.add(SpecProblem.of(path(field), path(field) + " " + predicate));
    }

    /** Adds {@code <field>: <statement>}, e.g. {@code model.path: model file not found: /m.onnx}. */
    void state(String field, String statement) {
        sink.add(SpecProblem.of(path(field), path(field) + ": " + statement));
    }

    void missing(String field) {
        sink.add(SpecProblem.of(path(field), "missing required field '" + path(field) + "'"));
    }

    void requireText(String field, String value) {
        if (value == null) {
            missing(field);
        } else if (value.isBlank()) {
            add(field, "must not be blank");
        }
    }

    void requirePath(String field, Path value) {
        if (value == null) {
            missing(field);
        }
    }

    void requireNonEmpty(String field, Collection<?> values) {
        if (values.isEmpty()) {
            missing(field);
        }
    }

    void between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            add(field, "must be between " + format(min) + " and " + format(max) + ", was " + format(value));
        }
    }

    void between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    void oneOf(String field, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            add(field, "must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
        }
    }

    void noBlankEntries(String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank()) {
                add(field + "[" + i + "]", "must not be blank");
            }
        }
    }

    /** 2.0 prints as {@code 2}, 0.25 as {@code 0.25}: bounds read as people write them. */
    static String format(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
