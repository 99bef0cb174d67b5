package org.edgebatch.publish;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox ({@code EB_OUTBOX}): the events step adds one row per event in its own transaction, the publish step
 * sends the rows. A row is marked SENT only once its files are published and verified; a failure leaves it PENDING
 * with the error and the number of attempts, for a later run or a restart to send.
 */
public final class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "OUTBOX_ID, JOB_NAME, JOB_INSTANCE_ID, JOB_EXECUTION_ID, NODE_ID, EVENT_KEY, FILES,"
            + " STATUS, ATTEMPTS, LAST_ERROR, CREATED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    /**
     * @param transactionManager marks rows SENT or failed in transactions of their own, so an outcome is kept even
     *                           when the publish step then fails and rolls its own transaction back
     */
    public Outbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Adds an event's files unless the instance already has a row for the event (a re-run events step must not send
     * an event twice, nor send again what was sent).
     */
    public void add(String jobName, long jobInstanceId, long jobExecutionId, String nodeId, String eventKey, List<Path> files) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM EB_OUTBOX WHERE JOB_INSTANCE_ID = ? AND EVENT_KEY = ?",
                Integer.class, jobInstanceId, eventKey);
        String json = JSON.writeValueAsString(files.stream().map(Path::toString).toList());
        if (existing != null && existing > 0) {
            jdbc.update("UPDATE EB_OUTBOX SET FILES = ? WHERE JOB_INSTANCE_ID = ? AND EVENT_KEY = ? AND STATUS = 'PENDING'",
                    json, jobInstanceId, eventKey);
            return;
        }
        jdbc.update("INSERT INTO EB_OUTBOX (JOB_NAME, JOB_INSTANCE_ID, JOB_EXECUTION_ID, NODE_ID, EVENT_KEY, FILES, STATUS,"
                + " ATTEMPTS, CREATED) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)",
                jobName, jobInstanceId, jobExecutionId, nodeId, eventKey, json, System.currentTimeMillis());
    }

    /** The job's rows still to send, of every instance, oldest first. */
    public List<OutboxEntry> pending(String jobName) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EB_OUTBOX WHERE JOB_NAME = ? AND STATUS = 'PENDING' ORDER BY OUTBOX_ID",
                this::entry, jobName);
    }

    /** The job's rows still to send from one node (whose disk holds their files), of every instance, oldest first. */
    public List<OutboxEntry> pending(String jobName, String nodeId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EB_OUTBOX WHERE JOB_NAME = ? AND NODE_ID = ? AND STATUS = 'PENDING'"
                + " ORDER BY OUTBOX_ID", this::entry, jobName, nodeId);
    }

    /** A node's rows of one execution: what one published node folder (or key prefix) holds. */
    public record Folder(String nodeId, long jobExecutionId, int sent, int pending) {
    }

    /** The published folders of a job instance, by node and execution. */
    public List<Folder> folders(long jobInstanceId) {
        return jdbc.query("SELECT NODE_ID, JOB_EXECUTION_ID, SUM(CASE WHEN STATUS = 'SENT' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN STATUS = 'PENDING' THEN 1 ELSE 0 END) FROM EB_OUTBOX WHERE JOB_INSTANCE_ID = ?"
                + " GROUP BY NODE_ID, JOB_EXECUTION_ID ORDER BY NODE_ID, JOB_EXECUTION_ID",
                (rs, row) -> new Folder(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)), jobInstanceId);
    }

    /** Every row of a job instance. */
    public List<OutboxEntry> ofInstance(long jobInstanceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EB_OUTBOX WHERE JOB_INSTANCE_ID = ? ORDER BY OUTBOX_ID",
                this::entry, jobInstanceId);
    }

    /** Every job's rows still to send, oldest first (what {@code edgebatch publish} drains without a job name). */
    public List<OutboxEntry> pending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM EB_OUTBOX WHERE STATUS = 'PENDING' ORDER BY OUTBOX_ID", this::entry);
    }

    /**
     * Marks a row sent once its publisher confirmed every file.
     *
     * @param uploadedBytes the bytes its files put on the wire
     * @param target        where they went (the publisher's target, never with credentials)
     */
    public void markSent(long id, long uploadedBytes, String target) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE EB_OUTBOX SET STATUS = 'SENT', ATTEMPTS = ATTEMPTS + 1,"
                + " LAST_ERROR = NULL, SENT_AT = ?, UPLOADED_BYTES = ?, TARGET = ? WHERE OUTBOX_ID = ?",
                System.currentTimeMillis(), uploadedBytes, target, id));
    }

    public void markFailed(long id, String error) {
        String message = error == null ? "unknown error" : error;
        String shortened = message.length() > 2000 ? message.substring(0, 2000) : message;
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE EB_OUTBOX SET ATTEMPTS = ATTEMPTS + 1, LAST_ERROR = ? WHERE OUTBOX_ID = ?", shortened, id));
    }

    private OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        List<Path> files = JSON.readValue(rs.getString("FILES"), new TypeReference<List<String>>() {
        }).stream().map(Path::of).toList();
        return new OutboxEntry(rs.getLong("OUTBOX_ID"), rs.getString("JOB_NAME"), rs.getLong("JOB_INSTANCE_ID"),
                rs.getLong("JOB_EXECUTION_ID"), rs.getString("NODE_ID"), rs.getString("EVENT_KEY"), files,
                OutboxStatus.valueOf(rs.getString("STATUS")), rs.getInt("ATTEMPTS"), rs.getString("LAST_ERROR"),
                rs.getLong("CREATED"));
    }
}
