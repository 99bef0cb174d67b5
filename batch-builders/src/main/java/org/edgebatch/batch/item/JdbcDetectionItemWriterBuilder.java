package org.edgebatch.batch.item;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * Builds a {@link JdbcDetectionItemWriter}, in the style of Spring Batch's {@code JdbcBatchItemWriterBuilder}. The
 * tables are EdgeBatch's, made by {@code org.edgebatch.repository.RepositorySchema} (the starter migrates them).
 */
public final class JdbcDetectionItemWriterBuilder {

    private DataSource dataSource;
    private String nodeId = "local";
    private String name = "detectionWriter";

    /** The database holding EdgeBatch's tables, usually the job repository's. */
    public JdbcDetectionItemWriterBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        return this;
    }

    /** The node recorded on each detection (default {@code local}). */
    public JdbcDetectionItemWriterBuilder nodeId(String nodeId) {
        if (nodeId == null || nodeId.isBlank() || nodeId.length() > 63) {
            throw new IllegalArgumentException("nodeId must be 1..63 characters, was '" + nodeId + "'");
        }
        this.nodeId = nodeId;
        return this;
    }

    /** The prefix of its running totals in the step's ExecutionContext (default {@code detectionWriter}). */
    public JdbcDetectionItemWriterBuilder name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /**
     * The writer.
     *
     * @throws IllegalStateException when no data source was given
     */
    public JdbcDetectionItemWriter build() {
        if (dataSource == null) {
            throw new IllegalStateException("a dataSource is required");
        }
        return new JdbcDetectionItemWriter(dataSource, nodeId, name);
    }
}
