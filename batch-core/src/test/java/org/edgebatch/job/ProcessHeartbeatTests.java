package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.edgebatch.repository.RepositorySchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ProcessHeartbeatTests {

    JdbcTemplate jdbc;
    ProcessHeartbeat heartbeat;
    final AtomicLong now = new AtomicLong(1_800_000_000_000L);

    @BeforeEach
    void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:heartbeat" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new RepositorySchema(dataSource).migrate();
        jdbc = new JdbcTemplate(dataSource);
        // The clock moves only when a test moves it: liveness depends on no thread's timing.
        heartbeat = new ProcessHeartbeat(jdbc, Duration.ofMillis(100), now::get);
    }

    @AfterEach
    void close() {
        heartbeat.close();
    }

    @Test
    void anExecutionThisProcessRunsIsAliveUntilItStops() {
        // given
        heartbeat.start(7);

        // when: time passes (beats write the clock's time; it stands still between the test's moves)
        now.addAndGet(10_000);

        // then: alive, because its process (this one) lives on this host, however long ago the last beat
        assertThat(heartbeat.liveness(7)).isInstanceOf(ProcessHeartbeat.Liveness.Alive.class);
        heartbeat.stop(7);
        assertThat(heartbeat.liveness(7)).isInstanceOf(ProcessHeartbeat.Liveness.Dead.class);
    }

    @Test
    void aBeatRenewsTheLastSeenTime() {
        // given
        heartbeat.start(8);
        long started = lastSeen(8);

        // when
        now.addAndGet(5_000);

        // then: the next scheduled beat writes the new time
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lastSeen(8) == started) {
            assertThat(System.nanoTime()).as("no beat within 30 s (interval 100 ms)").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(lastSeen(8)).isEqualTo(started + 5_000);
    }

    @Test
    void aGonePidOnThisHostOrASilentOtherHostIsDead() throws Exception {
        // given: three intervals (300 ms) is the limit for another host
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long at = now.get();
        jdbc.update("INSERT INTO EB_HEARTBEAT VALUES (1, ?, ?, ?, ?)", heartbeat.host(), gone.pid(), at, at);
        jdbc.update("INSERT INTO EB_HEARTBEAT VALUES (2, 'elsewhere', 42, ?, ?)", at, at - 301);
        jdbc.update("INSERT INTO EB_HEARTBEAT VALUES (3, 'elsewhere', 42, ?, ?)", at, at - 300);

        // then
        assertThat(heartbeat.liveness(1)).isEqualTo(new ProcessHeartbeat.Liveness.Dead("process " + gone.pid() + " on "
                + heartbeat.host() + " is gone"));
        assertThat(heartbeat.liveness(2)).isInstanceOf(ProcessHeartbeat.Liveness.Dead.class);
        assertThat(heartbeat.liveness(3)).isEqualTo(new ProcessHeartbeat.Liveness.Alive("elsewhere", 42, at - 300));
        assertThat(heartbeat.liveness(4)).isEqualTo(new ProcessHeartbeat.Liveness.Dead("no process has a heartbeat for execution 4"));
    }

    private long lastSeen(long execution) {
        return jdbc.queryForObject("SELECT LAST_SEEN FROM EB_HEARTBEAT WHERE JOB_EXECUTION_ID = ?", Long.class, execution);
    }
}
