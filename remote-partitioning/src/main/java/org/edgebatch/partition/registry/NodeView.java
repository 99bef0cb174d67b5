package org.edgebatch.partition.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A registered node as {@code edgebatch nodes} shows it: its state ({@code alive}, {@code lost}, {@code left}), last
 * heart-beat (ISO time and seconds ago), worker, labels, allow-list, the files and bytes of its inventory, and how many
 * partitions it runs now.
 */
public record NodeView(String nodeId, String state, String lastHeartbeat, long secondsSinceHeartbeat, String host, long pid,
                       String version, Map<String, String> labels, List<String> allowList, int threads, int concurrency,
                       int files, long bytes, String inventoryPublished, int partitionsRunning) {

    /** The view of a registry row at {@code now} (repository clock). */
    public static NodeView of(NodeRecord node, long now, Duration timeout, int running) {
        return new NodeView(node.nodeId(), node.liveness(now, timeout), iso(node.lastSeen()), Math.max(0, now - node.lastSeen()) / 1000,
                node.host(), node.pid(), node.version(), node.labels(), node.allowList().stream().map(Object::toString).toList(),
                node.threads(), node.concurrency(), node.files(), node.bytes(),
                node.inventoryAt() == null ? null : iso(node.inventoryAt()), running);
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
