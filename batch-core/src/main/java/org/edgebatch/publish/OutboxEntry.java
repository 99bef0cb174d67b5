package org.edgebatch.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One row of the outbox: the artifact files of one event, waiting to be published (or already sent).
 *
 * @param jobExecutionId the execution whose events step made the event; the publisher files it under that execution
 * @param created        when the row was added (epoch milliseconds); object stores file the event under its UTC date,
 *                       so sending the row again goes to the same keys
 */
public record OutboxEntry(long id, String jobName, long jobInstanceId, long jobExecutionId, String nodeId,
                          String eventKey, List<Path> files, OutboxStatus status, int attempts, String lastError,
                          long created) {

    public OutboxEntry {
        Objects.requireNonNull(jobName, "jobName must not be null");
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        Objects.requireNonNull(eventKey, "eventKey must not be null");
        files = List.copyOf(files);
        Objects.requireNonNull(status, "status must not be null");
    }
}
