package org.edgebatch.job;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells other processes that this one still runs a job execution: while an execution runs here, its row in
 * {@code EB_HEARTBEAT} (host, pid) has its last-seen time renewed every interval. A process killed mid-run leaves its
 * executions STARTED and its row going stale, which {@link #liveness(long)} tells apart from a live run.
 */
public final class ProcessHeartbeat implements AutoCloseable {

    /** What the heartbeat says about the process running an execution. */
    public sealed interface Liveness {
        /** A process that is alive runs it: on this host (its pid exists) or elsewhere (it beat recently). */
        record Alive(String host, long pid, long lastSeenMillis) implements Liveness {
        }

        /** Its process is gone: no row, a pid that no longer exists on this host, or no beat for three intervals. */
        record Dead(String reason) implements Liveness {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProcessHeartbeat.class);

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final String host;
    private final long pid;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService beats;
    private final LongSupplier clock;

    public ProcessHeartbeat(JdbcTemplate jdbc, Duration interval) {
        this(jdbc, interval, System::currentTimeMillis);
    }

    /**
     * @param clock milliseconds since the epoch on the clock every process judging liveness shares (the database's:
     *              a run on a box whose clock is off is then neither taken for dead nor kept alive)
     */
    public ProcessHeartbeat(JdbcTemplate jdbc, Duration interval, LongSupplier clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, was " + interval);
        }
        this.interval = interval;
        this.host = localHostName();
        this.pid = ProcessHandle.current().pid();
        this.beats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("edgebatch-heartbeat").factory());
        this.beats.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This process's host name, as rows record it. */
    public String host() {
        return host;
    }

    public long pid() {
        return pid;
    }

    /** Starts beating for an execution that begins in this process. */
    public void start(long jobExecutionId) {
        long now = clock.getAsLong();
        jdbc.update("DELETE FROM EB_HEARTBEAT WHERE JOB_EXECUTION_ID = ?", jobExecutionId);
        jdbc.update("INSERT INTO EB_HEARTBEAT (JOB_EXECUTION_ID, HOST, PID, STARTED, LAST_SEEN) VALUES (?, ?, ?, ?, ?)",
                jobExecutionId, host, pid, now, now);
        running.add(jobExecutionId);
    }

    /** Stops beating for an execution that ended, and removes its row. */
    public void stop(long jobExecutionId) {
        running.remove(jobExecutionId);
        jdbc.update("DELETE FROM EB_HEARTBEAT WHERE JOB_EXECUTION_ID = ?", jobExecutionId);
    }

    /** Whether a live process runs the execution, as far as the heartbeat tells. */
    public Liveness liveness(long jobExecutionId) {
        List<Liveness.Alive> rows = jdbc.query("SELECT HOST, PID, LAST_SEEN FROM EB_HEARTBEAT WHERE JOB_EXECUTION_ID = ?",
                (rs, row) -> new Liveness.Alive(rs.getString(1), rs.getLong(2), rs.getLong(3)), jobExecutionId);
        if (rows.isEmpty()) {
            return new Liveness.Dead("no process has a heartbeat for execution " + jobExecutionId);
        }
        Liveness.Alive row = rows.getFirst();
        if (row.host().equals(host)) {
            Optional<ProcessHandle> process = ProcessHandle.of(row.pid());
            if (process.isEmpty() || !process.get().isAlive()) {
                return new Liveness.Dead("process " + row.pid() + " on " + host + " is gone");
            }
            return row;
        }
        long silentMillis = clock.getAsLong() - row.lastSeenMillis();
        if (silentMillis > 3 * interval.toMillis()) {
            return new Liveness.Dead("process " + row.pid() + " on " + row.host() + " last beat " + silentMillis / 1000 + " s ago");
        }
        return row;
    }

    private void beat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            long now = clock.getAsLong();
            for (Long id : running) {
                jdbc.update("UPDATE EB_HEARTBEAT SET LAST_SEEN = ? WHERE JOB_EXECUTION_ID = ?", now, id);
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat not written: {}", e.getMessage());
        }
    }

    /** This machine's name, as heart-beats and claims record it. */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The JVM's name is "pid@host" on HotSpot; any stable name of this machine will do.
            String name = ManagementFactory.getRuntimeMXBean().getName();
            return name.contains("@") ? name.substring(name.indexOf('@') + 1) : "localhost";
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
