package org.edgebatch.publish.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.edgebatch.publish.OutboxEntry;

/**
 * Where an event's files go in a bucket: {@code <prefix>/<job>/<node>/<yyyy>/<MM>/<dd>/<event-id>/<file>}, the date
 * being the UTC day the event entered the outbox and the event id {@code i<job instance>-<event key>}; and where
 * a node's manifest of one execution goes: {@code <prefix>/<job>/<node>/manifests/<execution>/manifest.json}. Every
 * part comes from the outbox row, so a row sent again lands on the same keys.
 */
public record S3Keys(String prefix) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    public S3Keys {
        Objects.requireNonNull(prefix, "prefix must not be null");
    }

    /** The folder-like prefix of a job's node, ending in '/'. */
    public String node(String job, String node) {
        return (prefix.isEmpty() ? "" : prefix + "/") + job + "/" + node + "/";
    }

    /** The key of one of an entry's files, relative to {@link #node}. */
    public String relative(OutboxEntry entry, String fileName) {
        return DAY.format(Instant.ofEpochMilli(entry.created())) + "/i" + entry.jobInstanceId() + "-" + entry.eventKey()
                + "/" + fileName;
    }

    public String manifest(String job, String node, long jobExecutionId) {
        return node(job, node) + "manifests/" + jobExecutionId + "/manifest.json";
    }
}
