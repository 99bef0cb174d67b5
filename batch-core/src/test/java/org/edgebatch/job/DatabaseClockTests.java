package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.edgebatch.step.SqlDialect;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The repository's clock over a local clock an hour slow, which the test moves. (Each query opens the in-memory
 * database afresh: the clock keeps nothing in it.)
 */
class DatabaseClockTests {

    private static final long TOLERANCE_MILLIS = 10_000;

    private final JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:clock" + System.nanoTime()));
    private final MutableClock local = new MutableClock(Instant.now().minus(Duration.ofHours(1)));
    private final DatabaseClock clock = new DatabaseClock(jdbc, SqlDialect.H2, local);

    @Test
    void readsTheDatabaseServersTimeAndMovesWithTheLocalClock() {
        // when
        long first = clock.millis();
        local.advance(Duration.ofSeconds(90));
        long later = clock.millis();

        // then: the server's time, not the slow local clock's, and exactly the local clock's moves after it
        assertThat(first).isCloseTo(System.currentTimeMillis(), offset(TOLERANCE_MILLIS));
        assertThat(later - first).isEqualTo(90_000);
    }

    @Test
    void measuresTheOffsetAgainAfterFiveMinutes() {
        // given
        clock.millis();

        // when: the local clock jumps ahead by six minutes (as if corrected)
        local.advance(Duration.ofMinutes(6));

        // then: the server's time again, not six minutes ahead of it
        assertThat(clock.millis()).isCloseTo(System.currentTimeMillis(), offset(TOLERANCE_MILLIS));
    }

    @Test
    void keepsTheOffsetWhileTheDatabaseIsAway() {
        // given
        long first = clock.millis();
        jdbc.setDataSource(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:gone;IFEXISTS=TRUE"));

        // when
        local.advance(Duration.ofMinutes(6));
        long later = clock.millis();

        // then
        assertThat(later - first).isEqualTo(Duration.ofMinutes(6).toMillis());
    }

    @Test
    void withoutAFirstMeasurementItFails() {
        // given
        DatabaseClock unreachable = new DatabaseClock(new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:gone;IFEXISTS=TRUE")), SqlDialect.H2, local);

        // when / then
        assertThatThrownBy(unreachable::millis).isInstanceOf(DataAccessException.class);
    }

    /** A clock that stands still until the test moves it. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
