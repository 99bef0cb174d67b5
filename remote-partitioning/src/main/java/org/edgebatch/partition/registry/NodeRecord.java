package org.edgebatch.partition.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node as the registry knows it: the worker process that holds its id now (a new worker id at every start), where
 * it runs, its labels and allow-list (real paths on its machine), its capacity, state ({@value #ALIVE} or
 * {@value #LEFT}), heart-beat and inventory figures. Times are milliseconds on the repository's clock.
 */
public record NodeRecord(String nodeId, String workerId, String host, long pid, String version, Map<String, String> labels,
                         List<Path> allowList, int threads, int concurrency, String state, long started, long lastSeen,
                         Long inventoryAt, int files, long bytes) {

    public static final String ALIVE = "ALIVE";
    public static final String LEFT = "LEFT";

    public NodeRecord {
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        labels = Map.copyOf(labels);
        allowList = List.copyOf(allowList);
    }

    /** True when its worker has not left and beat within {@code timeout} of {@code now}. */
    public boolean alive(long now, Duration timeout) {
        return ALIVE.equals(state) && now - lastSeen <= timeout.toMillis();
    }

    /** {@code alive}, {@code lost} (silent longer than the timeout) or {@code left} (stopped on purpose). */
    public String liveness(long now, Duration timeout) {
        return LEFT.equals(state) ? "left" : alive(now, timeout) ? "alive" : "lost";
    }

    /** "node-a (host h, pid 12, last heart-beat 35 s ago)", as messages name a node. */
    public String describe(long now) {
        return nodeId + " (host " + host + ", pid " + pid + ", " + (LEFT.equals(state) ? "left" : "last heart-beat")
                + " " + ago(now - lastSeen) + ")";
    }

    /** "35 s ago", "3 min ago", "2 h ago". */
    public static String ago(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min ago";
        }
        return seconds / 3600 + " h ago";
    }
}
