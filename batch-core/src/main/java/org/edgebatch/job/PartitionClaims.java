package org.edgebatch.job;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who runs which partition ({@code EB_PARTITION_CLAIM}), and the two conditional updates that keep a partition from
 * running twice: a worker takes a partition only by moving its row from STARTING to STARTED at the version it read
 * (so of two copies of one request, or two workers, exactly one wins), and a partition is failed from outside (its
 * worker lost) only while it is still in the status the caller saw (so a worker that finished a moment earlier keeps
 * its result). Liveness is then judged per claiming worker, not per node.
 */
public final class PartitionClaims {

    /** Spring Batch's exit message column is 2,500 characters. */
    private static final int EXIT_MESSAGE_LENGTH = 2500;

    /** The worker process that takes partitions: its node, its own id (new at every start), host and pid. */
    public record Worker(String nodeId, String workerId, String host, long pid) {
        public Worker {
            Objects.requireNonNull(nodeId, "nodeId must not be null");
            Objects.requireNonNull(workerId, "workerId must not be null");
            Objects.requireNonNull(host, "host must not be null");
        }
    }

    /** A partition's claim: which worker took it, and when (epoch milliseconds). */
    public record Claim(long stepExecutionId, long jobExecutionId, Worker worker, long claimedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public PartitionClaims(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes a partition for {@code worker}: succeeds only when the partition is STARTING at the version
     * {@code partition} holds, and then leaves it STARTED (in the repository and in {@code partition}) with the claim
     * recorded. Returns false, changing nothing, when another took it first or it was ended meanwhile.
     */
    public boolean claim(StepExecution partition, Worker worker) {
        LocalDateTime now = LocalDateTime.now();
        Integer version = partition.getVersion();
        Boolean claimed = ownTransaction.execute(status -> {
            int updated = jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = ?, START_TIME = ?, LAST_UPDATED = ?,"
                            + " VERSION = VERSION + 1 WHERE STEP_EXECUTION_ID = ? AND STATUS = ? AND VERSION = ?",
                    BatchStatus.STARTED.name(), Timestamp.valueOf(now), Timestamp.valueOf(now), partition.getId(),
                    BatchStatus.STARTING.name(), version);
            if (updated != 1) {
                return false;
            }
            jdbc.update("DELETE FROM EB_PARTITION_CLAIM WHERE STEP_EXECUTION_ID = ?", partition.getId());
            jdbc.update("INSERT INTO EB_PARTITION_CLAIM (STEP_EXECUTION_ID, JOB_EXECUTION_ID, NODE_ID, WORKER_ID, HOST, PID,"
                            + " CLAIMED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", partition.getId(), partition.getJobExecutionId(),
                    worker.nodeId(), worker.workerId(), worker.host(), worker.pid(), System.currentTimeMillis());
            return true;
        });
        if (Boolean.TRUE.equals(claimed)) {
            partition.setStatus(BatchStatus.STARTED);
            partition.setStartTime(now);
            partition.incrementVersion();
            return true;
        }
        return false;
    }

    /**
     * Ends a partition FAILED with {@code message}, but only while its status is one of {@code from} (a lost worker's
     * STARTED partition, a request nobody will take while STARTING). Returns whether it did.
     */
    public boolean fail(long stepExecutionId, Collection<BatchStatus> from, String message) {
        LocalDateTime now = LocalDateTime.now();
        String exitMessage = message.length() > EXIT_MESSAGE_LENGTH ? message.substring(0, EXIT_MESSAGE_LENGTH) : message;
        String statuses = from.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));
        return ownTransaction.execute(status -> jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = ?, EXIT_CODE = ?,"
                        + " EXIT_MESSAGE = ?, END_TIME = ?, LAST_UPDATED = ?, VERSION = VERSION + 1"
                        + " WHERE STEP_EXECUTION_ID = ? AND STATUS IN (" + statuses + ")",
                BatchStatus.FAILED.name(), ExitStatus.FAILED.getExitCode(), exitMessage, Timestamp.valueOf(now),
                Timestamp.valueOf(now), stepExecutionId)) == 1;
    }

    /** The claim of a partition, if a worker took it. */
    public Optional<Claim> claimOf(long stepExecutionId) {
        return jdbc.query("SELECT STEP_EXECUTION_ID, JOB_EXECUTION_ID, NODE_ID, WORKER_ID, HOST, PID, CLAIMED_AT"
                + " FROM EB_PARTITION_CLAIM WHERE STEP_EXECUTION_ID = ?", (rs, row) -> claim(rs), stepExecutionId).stream().findFirst();
    }

    /** The claims of a job execution's partitions, by step execution id. */
    public Map<Long, Claim> claimsOf(long jobExecutionId) {
        return claimsOf(List.of(jobExecutionId));
    }

    /** The claims of the partitions of several job executions (a job instance's history), by step execution id. */
    public Map<Long, Claim> claimsOf(Collection<Long> jobExecutionIds) {
        Map<Long, Claim> claims = new LinkedHashMap<>();
        if (jobExecutionIds.isEmpty()) {
            return claims;
        }
        String ids = jobExecutionIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        jdbc.query("SELECT STEP_EXECUTION_ID, JOB_EXECUTION_ID, NODE_ID, WORKER_ID, HOST, PID, CLAIMED_AT"
                + " FROM EB_PARTITION_CLAIM WHERE JOB_EXECUTION_ID IN (" + ids + ")", rs -> {
                    Claim claim = claim(rs);
                    claims.put(claim.stepExecutionId(), claim);
                });
        return claims;
    }

    private static Claim claim(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Claim(rs.getLong(1), rs.getLong(2), new Worker(rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6)), rs.getLong(7));
    }
}
