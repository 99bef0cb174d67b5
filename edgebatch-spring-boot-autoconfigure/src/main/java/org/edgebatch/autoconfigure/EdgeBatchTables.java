package org.edgebatch.autoconfigure;

import java.util.Objects;
import org.edgebatch.repository.RepositorySchema;

/** EdgeBatch's and Spring Batch's tables, migrated when this bean is made (before any job can run). */
public final class EdgeBatchTables {

    private final RepositorySchema schema;

    public EdgeBatchTables(RepositorySchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema must not be null");
        schema.migrate();
    }

    /** The repository's id, which the CLI puts in its output paths. */
    public String repositoryId() {
        return schema.repositoryId();
    }
}
