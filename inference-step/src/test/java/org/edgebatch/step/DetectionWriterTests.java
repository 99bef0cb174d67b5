package org.edgebatch.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.edgebatch.detect.Detection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class DetectionWriterTests {

    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:writer" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
        jdbc.execute("CREATE TABLE EB_FRAME (JOB_INSTANCE_ID BIGINT, VIDEO_ID VARCHAR(20), FRAME_INDEX BIGINT, TIMESTAMP_MICROS BIGINT,"
                + " INFERRED BOOLEAN, MOTION_SKIPPED BOOLEAN, DETECTIONS INT, STEP_EXECUTION_ID BIGINT,"
                + " PRIMARY KEY (JOB_INSTANCE_ID, VIDEO_ID, FRAME_INDEX))");
        jdbc.execute("CREATE TABLE EB_DETECTION (JOB_INSTANCE_ID BIGINT, VIDEO_ID VARCHAR(20), FRAME_INDEX BIGINT, DET_INDEX INT,"
                + " NODE_ID VARCHAR(63), TIMESTAMP_MICROS BIGINT, CLASS_ID INT, LABEL VARCHAR(100), SCORE REAL, X1 REAL, Y1 REAL,"
                + " X2 REAL, Y2 REAL, PRIMARY KEY (JOB_INSTANCE_ID, VIDEO_ID, FRAME_INDEX, DET_INDEX))");
    }

    @Test
    void aChunkWrittenTwiceLeavesOneRowPerFrameAndDetectionMarkedByTheLastWriter() {
        // given
        Chunk<FrameDetections> chunk = new Chunk<>(List.of(
                new FrameDetections("v0", 0, 0, true, false, List.of(new Detection(0, "person", 0.9f, 1, 2, 3, 4),
                        new Detection(2, "car", 0.6f, 5, 6, 7, 8))),
                new FrameDetections("v0", 1, 40_000, false, true, List.of())));
        DetectionWriter first = new DetectionWriter(jdbc, SqlDialect.H2, 7, 100, "node-a");
        DetectionWriter second = new DetectionWriter(jdbc, SqlDialect.H2, 7, 101, "node-a");
        first.open(new ExecutionContext());
        second.open(new ExecutionContext());

        // when
        first.write(chunk);
        second.write(chunk);

        // then
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EB_FRAME", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EB_DETECTION", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT STEP_EXECUTION_ID FROM EB_FRAME", Long.class)).containsExactly(101L);
        assertThat(jdbc.queryForObject("SELECT LABEL FROM EB_DETECTION WHERE DET_INDEX = 1", String.class)).isEqualTo("car");
    }

    @Test
    void itsTotalsGoOnFromThoseSavedInTheContext() {
        // given
        ExecutionContext context = new ExecutionContext();
        DetectionWriter writer = new DetectionWriter(jdbc, SqlDialect.H2, 7, 100, "node-a");
        writer.open(context);
        writer.write(new Chunk<>(List.of(new FrameDetections("v0", 0, 0, true, false, List.of(new Detection(0, "person", 0.9f, 1, 2, 3, 4))),
                new FrameDetections("v0", 1, 40_000, false, true, List.of()))));
        writer.update(context);

        // when: a restart opens a new writer on the saved context
        DetectionWriter restarted = new DetectionWriter(jdbc, SqlDialect.H2, 7, 101, "node-a");
        restarted.open(context);
        restarted.write(new Chunk<>(List.of(new FrameDetections("v0", 2, 80_000, true, false, List.of()))));
        restarted.update(context);

        // then
        assertThat(context.getLong("detectionWriter.frames")).isEqualTo(3);
        assertThat(context.getLong("detectionWriter.inferred")).isEqualTo(2);
        assertThat(context.getLong("detectionWriter.motionSkipped")).isEqualTo(1);
        assertThat(context.getLong("detectionWriter.detections")).isEqualTo(1);
    }
}
