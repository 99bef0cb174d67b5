package org.edgebatch.repository;

/** The job repository's schema cannot be used: newer than this program, or a migration failed (the message says which). */
public final class RepositorySchemaException extends RuntimeException {

    public RepositorySchemaException(String message) {
        super(message);
    }

    public RepositorySchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
