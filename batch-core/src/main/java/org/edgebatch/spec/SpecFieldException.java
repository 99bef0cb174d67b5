package org.edgebatch.spec;

/**
 * Thrown by a spec record's binding factory for a value it cannot represent at all (two sampling modes, a target
 * string of no known form); the loader reports it as a problem of that section, or of {@link #field()} inside it.
 */
final class SpecFieldException extends IllegalArgumentException {

    private final String field;

    /**
     * @param field     the field inside the section being built, or {@code null} for the section itself
     * @param predicate what is wrong, phrased to follow the field's name ({@code must be ..., was ...})
     */
    SpecFieldException(String field, String predicate) {
        super(predicate);
        this.field = field;
    }

    String field() {
        return field;
    }
}
