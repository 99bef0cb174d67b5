package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.edgebatch.repository.RepositorySchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ProcessHeartbeatTests {

    JdbcTemplate jdbc;
    ProcessHeartbeat heartbeat;

    @BeforeEach
    void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:heartbeat" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new RepositorySchema(dataSource).migrate();
        jdbc = new JdbcTemplate(dataSource);
        heartbeat = new ProcessHeartbeat(jdbc, Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        heartbeat.close();
    }

    @Test
    void anExecutionThisProcessRunsIsAliveUntilItStops() throws InterruptedException {
        // given
        heartbeat.start(7);
        long started = jdbc.queryForObject("SELECT LAST_SEEN FROM EB_HEARTBEAT WHERE JOB_EXECUTION_ID = 7", Long.class);

        // when
        Thread.sleep(350);

        // then
        assertThat(heartbeat.liveness(7)).isEqualTo(new ProcessHeartbeat.Liveness.Alive(heartbeat.host(), ProcessHandle.current().pid(),
                jdbc.queryForObject("SELECT LAST_SEEN FROM EB_HEARTBEAT WHERE JOB_EXECUTION_ID = 7", Long.class)));
        assertThat(jdbc.queryForObject("SELECT LAST_SEEN FROM EB_HEARTBEAT WHERE JOB_EXECUTION_ID = 7", Long.class)).isGreaterThan(started);
        heartbeat.stop(7);
        assertThat(heartbeat.liveness(7)).isInstanceOf(ProcessHeartbeat.Liveness.Dead.class);
    }

    @Test
    void aGonePidOnThisHostOrASilentOtherHostIsDead() throws Exception {
        // given
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long now = System.currentTimeMillis();
        jdbc.update("INSERT INTO EB_HEARTBEAT VALUES (1, ?, ?, ?, ?)", heartbeat.host(), gone.pid(), now, now);
        jdbc.update("INSERT INTO EB_HEARTBEAT VALUES (2, 'elsewhere', 42, ?, ?)", now, now - 1000);
        jdbc.update("INSERT INTO EB_HEARTBEAT VALUES (3, 'elsewhere', 42, ?, ?)", now, now - 100);

        // then
        assertThat(heartbeat.liveness(1)).isEqualTo(new ProcessHeartbeat.Liveness.Dead("process " + gone.pid() + " on "
                + heartbeat.host() + " is gone"));
        assertThat(heartbeat.liveness(2)).isInstanceOf(ProcessHeartbeat.Liveness.Dead.class);
        assertThat(heartbeat.liveness(3)).isInstanceOf(ProcessHeartbeat.Liveness.Alive.class);
        assertThat(heartbeat.liveness(4)).isEqualTo(new ProcessHeartbeat.Liveness.Dead("no process has a heartbeat for execution 4"));
    }
}
