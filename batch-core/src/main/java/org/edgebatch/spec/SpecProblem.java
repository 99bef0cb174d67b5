package org.edgebatch.spec;

import java.util.Objects;

/**
 * One thing wrong with a job spec: the field at fault (dotted, e.g. {@code model.confidence} or
 * {@code nodes[1].id}), a sentence that names it, and where it came from ({@code line 12}, an override, or nothing).
 *
 * @param field    the dotted path of the field, or {@code ""} for the spec as a whole
 * @param message  the sentence, e.g. {@code model.confidence must be between 0 and 1, was 1.5}
 * @param detail   text shown after the location, e.g. {@code ; known fields: path, provider}; usually empty
 * @param location {@code line 12}, {@code set by override} or empty when unknown
 */
public record SpecProblem(String field, String message, String detail, String location) {

    public SpecProblem {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(message, "message must not be null");
        detail = detail == null ? "" : detail;
        location = location == null ? "" : location;
    }

    static SpecProblem of(String field, String message) {
        return new SpecProblem(field, message, "", "");
    }

    SpecProblem at(String newLocation) {
        return new SpecProblem(field, message, detail, newLocation);
    }

    /** True when this problem concerns {@code other} itself or something inside it ({@code model} covers {@code model.path}). */
    boolean within(String other) {
        return other.isEmpty() || field.equals(other) || field.startsWith(other + ".") || field.startsWith(other + "[");
    }

    @Override
    public String toString() {
        return message + (location.isEmpty() ? "" : " (" + location + ")") + detail;
    }
}
