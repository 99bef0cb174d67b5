package org.edgebatch.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.edgebatch.step.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job repository's clock, as every process sharing it reads it: this machine's clock corrected by its offset from
 * the database server's (measured now and again every few minutes). Heart-beats written and judged on different
 * machines then compare on one time base, so an edge box whose clock is minutes off is not taken for dead (or alive).
 */
public final class DatabaseClock {

    private static final Duration REMEASURE = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Clock local;
    private volatile long offsetMillis;
    private volatile long measuredAt = Long.MIN_VALUE;

    public DatabaseClock(JdbcTemplate jdbc, SqlDialect dialect, Clock local) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
        this.local = Objects.requireNonNull(local, "local must not be null");
    }

    /** Now on the database's clock, in milliseconds since the epoch. */
    public long millis() {
        long now = local.millis();
        // Not "now - measuredAt" alone: from Long.MIN_VALUE it overflows, and the offset would never be measured.
        if (measuredAt == Long.MIN_VALUE || now - measuredAt > REMEASURE.toMillis() || now < measuredAt) {
            measure();
            now = local.millis();
        }
        return now + offsetMillis;
    }

    private synchronized void measure() {
        long before = local.millis();
        Long server;
        try {
            server = jdbc.queryForObject(dialect.epochMillisQuery(), Long.class);
        } catch (RuntimeException e) {
            if (measuredAt == Long.MIN_VALUE) {
                throw e;
            }
            // The database is away for now: keep the offset measured before.
            return;
        }
        long after = local.millis();
        if (server != null) {
            // The server read its clock somewhere in the round trip: take the middle.
            offsetMillis = server - (before + after) / 2;
        }
        measuredAt = after;
    }
}
