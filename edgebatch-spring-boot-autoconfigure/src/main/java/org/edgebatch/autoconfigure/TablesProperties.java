package org.edgebatch.autoconfigure;

/** EdgeBatch's tables (frames, detections, events, outbox) and Spring Batch's, made by the CLI's Flyway migrations. */
public class TablesProperties {

    /**
     * Whether to create or upgrade the tables in the application's DataSource at start-up. Spring Batch's own schema
     * script is then not needed (spring.batch.jdbc.initialize-schema=never): the migrations include its tables.
     */
    private boolean initialize = true;

    public boolean isInitialize() {
        return initialize;
    }

    public void setInitialize(boolean initialize) {
        this.initialize = initialize;
    }
}
