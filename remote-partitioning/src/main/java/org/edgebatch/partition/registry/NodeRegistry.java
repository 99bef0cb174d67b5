package org.edgebatch.partition.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.edgebatch.job.DatabaseClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node registry ({@code EB_NODE}) and the workers' inventories ({@code EB_NODE_FILE}) in the job repository. A
 * worker takes its node id with a conditional write (the id is free, its holder left, or its holder went silent for
 * longer than the node timeout), so two live workers never hold one id; its heart-beat renews only while it still
 * holds the id. Times are on the {@link DatabaseClock}, shared by every machine.
 */
public final class NodeRegistry {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NODE_COLUMNS = "NODE_ID, WORKER_ID, HOST, PID, VERSION, LABELS, ALLOW_LIST, THREADS,"
            + " CONCURRENCY, STATE, STARTED, LAST_SEEN, INVENTORY_AT, FILES, BYTES";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DatabaseClock clock;

    public NodeRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DatabaseClock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** Now on the repository's clock. */
    public long now() {
        return clock.millis();
    }

    /**
     * Takes the node id for this worker.
     *
     * @param timeout how long a holder may be silent before its id is free
     * @throws NodeTakenException when a live worker holds the id, naming it
     */
    public void register(WorkerRegistration worker, Duration timeout) {
        long now = clock.millis();
        String labels = JSON.writeValueAsString(worker.labels());
        String allowList = JSON.writeValueAsString(worker.allowList().stream().map(Path::toString).toList());
        int updated = jdbc.update("UPDATE EB_NODE SET WORKER_ID = ?, HOST = ?, PID = ?, VERSION = ?, LABELS = ?, ALLOW_LIST = ?,"
                        + " THREADS = ?, CONCURRENCY = ?, STATE = 'ALIVE', STARTED = ?, LAST_SEEN = ?, INVENTORY_AT = NULL,"
                        + " FILES = 0, BYTES = 0 WHERE NODE_ID = ? AND (STATE <> 'ALIVE' OR LAST_SEEN < ? OR WORKER_ID = ?)",
                worker.workerId(), worker.host(), worker.pid(), worker.version(), labels, allowList, worker.threads(),
                worker.concurrency(), now, now, worker.nodeId(), now - timeout.toMillis(), worker.workerId());
        if (updated == 1) {
            return;
        }
        try {
            jdbc.update("INSERT INTO EB_NODE (" + NODE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ALIVE', ?, ?, NULL, 0, 0)",
                    worker.nodeId(), worker.workerId(), worker.host(), worker.pid(), worker.version(), labels, allowList,
                    worker.threads(), worker.concurrency(), now, now);
        } catch (DuplicateKeyException e) {
            NodeRecord holder = node(worker.nodeId()).orElseThrow(() -> e);
            throw new NodeTakenException("node id " + worker.nodeId() + " is held by a live worker on host " + holder.host()
                    + " (pid " + holder.pid() + ", last heart-beat " + NodeRecord.ago(clock.millis() - holder.lastSeen())
                    + "); stop that worker or choose another --node-id");
        }
    }

    /** Renews the heart-beat; false when this worker no longer holds the id (another took it over while it was silent). */
    public boolean beat(String nodeId, String workerId) {
        return jdbc.update("UPDATE EB_NODE SET LAST_SEEN = ? WHERE NODE_ID = ? AND WORKER_ID = ? AND STATE = 'ALIVE'",
                clock.millis(), nodeId, workerId) == 1;
    }

    /** Marks the node left by this worker (a clean stop): its queued partitions are failed at once, not after the timeout. */
    public void deregister(String nodeId, String workerId) {
        jdbc.update("UPDATE EB_NODE SET STATE = 'LEFT', LAST_SEEN = ? WHERE NODE_ID = ? AND WORKER_ID = ?",
                clock.millis(), nodeId, workerId);
    }

    /**
     * Replaces the node's published inventory (only while this worker holds the node).
     *
     * @return false when this worker no longer holds the node
     */
    public boolean publishInventory(String nodeId, String workerId, List<NodeFile> files) {
        Boolean published = transaction.execute(status -> {
            long now = clock.millis();
            long bytes = files.stream().mapToLong(NodeFile::sizeBytes).sum();
            int updated = jdbc.update("UPDATE EB_NODE SET INVENTORY_AT = ?, FILES = ?, BYTES = ? WHERE NODE_ID = ? AND WORKER_ID = ?",
                    now, files.size(), bytes, nodeId, workerId);
            if (updated != 1) {
                return false;
            }
            jdbc.update("DELETE FROM EB_NODE_FILE WHERE NODE_ID = ?", nodeId);
            jdbc.batchUpdate("INSERT INTO EB_NODE_FILE (NODE_ID, PATH_HASH, PATH, SIZE_BYTES, LAST_MODIFIED, FRAMES, FPS,"
                            + " DURATION_MICROS, WIDTH, HEIGHT, PROBE_ERROR) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    files.stream().map(file -> new Object[] {nodeId, hash(file.path().toString()), file.path().toString(),
                            file.sizeBytes(), file.lastModified().toEpochMilli(), file.frames(), file.fps(), file.durationMicros(),
                            file.width(), file.height(), shorten(file.probeError())}).toList());
            return true;
        });
        return Boolean.TRUE.equals(published);
    }

    /** Every registered node, by id. */
    public List<NodeRecord> nodes() {
        return jdbc.query("SELECT " + NODE_COLUMNS + " FROM EB_NODE ORDER BY NODE_ID", (rs, row) -> node(rs));
    }

    public Optional<NodeRecord> node(String nodeId) {
        return jdbc.query("SELECT " + NODE_COLUMNS + " FROM EB_NODE WHERE NODE_ID = ?", (rs, row) -> node(rs), nodeId)
                .stream().findFirst();
    }

    /** How many partitions each node's worker runs now (claimed and still running), by node id. */
    public Map<String, Integer> runningPartitions() {
        Map<String, Integer> running = new java.util.TreeMap<>();
        jdbc.query("SELECT C.NODE_ID, COUNT(*) FROM EB_PARTITION_CLAIM C JOIN BATCH_STEP_EXECUTION S"
                + " ON S.STEP_EXECUTION_ID = C.STEP_EXECUTION_ID WHERE S.STATUS IN ('STARTED', 'STOPPING') GROUP BY C.NODE_ID",
                rs -> {
                    running.put(rs.getString(1), rs.getInt(2));
                });
        return running;
    }

    /** The published inventories of several nodes in one query (planning a fleet), by node id, each by path. */
    public Map<String, List<NodeFile>> files(java.util.Collection<String> nodeIds) {
        Map<String, List<NodeFile>> byNode = new java.util.LinkedHashMap<>();
        nodeIds.forEach(id -> byNode.put(id, new ArrayList<>()));
        if (nodeIds.isEmpty()) {
            return byNode;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(nodeIds.size(), "?"));
        jdbc.query("SELECT NODE_ID, PATH, SIZE_BYTES, LAST_MODIFIED, FRAMES, FPS, DURATION_MICROS, WIDTH, HEIGHT, PROBE_ERROR"
                + " FROM EB_NODE_FILE WHERE NODE_ID IN (" + placeholders + ") ORDER BY NODE_ID, PATH", rs -> {
                    String nodeId = rs.getString(1);
                    byNode.get(nodeId).add(new NodeFile(nodeId, Path.of(rs.getString(2)), rs.getLong(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5), rs.getDouble(6), rs.getLong(7), rs.getInt(8),
                            rs.getInt(9), rs.getString(10)));
                }, nodeIds.toArray());
        return byNode;
    }

    /** The published inventory of a node, by path. */
    public List<NodeFile> files(String nodeId) {
        return jdbc.query("SELECT PATH, SIZE_BYTES, LAST_MODIFIED, FRAMES, FPS, DURATION_MICROS, WIDTH, HEIGHT, PROBE_ERROR"
                        + " FROM EB_NODE_FILE WHERE NODE_ID = ? ORDER BY PATH",
                (rs, row) -> new NodeFile(nodeId, Path.of(rs.getString(1)), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getLong(4), rs.getDouble(5), rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getString(9)),
                nodeId);
    }

    private static NodeRecord node(ResultSet rs) throws SQLException {
        Map<String, String> labels = JSON.readValue(rs.getString("LABELS"), new TypeReference<Map<String, String>>() {
        });
        List<Path> allowList = new ArrayList<>();
        JSON.readValue(rs.getString("ALLOW_LIST"), new TypeReference<List<String>>() {
        }).forEach(path -> allowList.add(Path.of(path)));
        long inventoryAt = rs.getLong("INVENTORY_AT");
        Long inventory = rs.wasNull() ? null : inventoryAt;
        return new NodeRecord(rs.getString("NODE_ID"), rs.getString("WORKER_ID"), rs.getString("HOST"), rs.getLong("PID"),
                rs.getString("VERSION"), labels, allowList, rs.getInt("THREADS"), rs.getInt("CONCURRENCY"),
                rs.getString("STATE"), rs.getLong("STARTED"), rs.getLong("LAST_SEEN"), inventory, rs.getInt("FILES"),
                rs.getLong("BYTES"));
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static String hash(String path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
