package org.edgebatch.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.edgebatch.detect.Detection;
import org.edgebatch.redact.DetectionTimeline;
import org.edgebatch.redact.Redactor;
import org.edgebatch.step.DetectedEvent;
import org.edgebatch.step.EventBuilder;
import org.edgebatch.step.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a video's detections back ({@code EB_DETECTION}) and keeps its events ({@code EB_EVENT}). */
public final class EventStore {

    private final JdbcTemplate jdbc;
    private final String upsert;

    public EventStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.upsert = dialect.upsert("EB_EVENT", List.of("JOB_INSTANCE_ID", "VIDEO_ID", "LABEL", "START_FRAME"),
                List.of("JOB_INSTANCE_ID", "VIDEO_ID", "LABEL", "START_FRAME", "EVENT_KEY", "NODE_ID", "CLASS_ID", "END_FRAME",
                        "START_MICROS", "END_MICROS", "MAX_SCORE", "BEST_FRAME", "BEST_MICROS", "DETECTIONS", "SNAPSHOT_PATH",
                        "CLIP_PATH", "EVENT_JSON_PATH", "ARTIFACT_BYTES", "JOB_EXECUTION_ID"));
    }

    /** Streams the video's detections, in frame order, into {@code builder}. */
    public void feed(long jobInstanceId, String videoId, EventBuilder builder) {
        jdbc.query("SELECT FRAME_INDEX, TIMESTAMP_MICROS, CLASS_ID, LABEL, SCORE, X1, Y1, X2, Y2 FROM EB_DETECTION"
                        + " WHERE JOB_INSTANCE_ID = ? AND VIDEO_ID = ? ORDER BY FRAME_INDEX, DET_INDEX",
                rs -> {
                    builder.add(rs.getLong(1), rs.getLong(2), new Detection(rs.getInt(3), rs.getString(4), rs.getFloat(5),
                            rs.getFloat(6), rs.getFloat(7), rs.getFloat(8), rs.getFloat(9)));
                }, jobInstanceId, videoId);
    }

    /** The detections of one class in one frame, as the snapshot shows them. */
    public List<Detection> detections(long jobInstanceId, String videoId, long frameIndex, String label) {
        return jdbc.query("SELECT CLASS_ID, LABEL, SCORE, X1, Y1, X2, Y2 FROM EB_DETECTION"
                        + " WHERE JOB_INSTANCE_ID = ? AND VIDEO_ID = ? AND FRAME_INDEX = ? AND LABEL = ? ORDER BY DET_INDEX",
                (rs, row) -> new Detection(rs.getInt(1), rs.getString(2), rs.getFloat(3), rs.getFloat(4), rs.getFloat(5),
                        rs.getFloat(6), rs.getFloat(7)),
                jobInstanceId, videoId, frameIndex, label);
    }

    /** Every detection in one frame, any class (what redaction looks for). */
    public List<Detection> detections(long jobInstanceId, String videoId, long frameIndex) {
        return jdbc.query("SELECT CLASS_ID, LABEL, SCORE, X1, Y1, X2, Y2 FROM EB_DETECTION"
                        + " WHERE JOB_INSTANCE_ID = ? AND VIDEO_ID = ? AND FRAME_INDEX = ? ORDER BY DET_INDEX",
                (rs, row) -> new Detection(rs.getInt(1), rs.getString(2), rs.getFloat(3), rs.getFloat(4), rs.getFloat(5),
                        rs.getFloat(6), rs.getFloat(7)),
                jobInstanceId, videoId, frameIndex);
    }

    /** The detections of {@code redactor}'s classes between two times of a video, by frame, for redacting a clip. */
    public DetectionTimeline timeline(long jobInstanceId, String videoId, long fromMicros, long toMicros, Redactor redactor,
                                      long maxGapMicros) {
        DetectionTimeline timeline = new DetectionTimeline(maxGapMicros);
        jdbc.query("SELECT FRAME_INDEX, TIMESTAMP_MICROS, CLASS_ID, LABEL, SCORE, X1, Y1, X2, Y2 FROM EB_DETECTION"
                        + " WHERE JOB_INSTANCE_ID = ? AND VIDEO_ID = ? AND TIMESTAMP_MICROS BETWEEN ? AND ? ORDER BY FRAME_INDEX, DET_INDEX",
                rs -> {
                    Detection detection = new Detection(rs.getInt(3), rs.getString(4), rs.getFloat(5), rs.getFloat(6),
                            rs.getFloat(7), rs.getFloat(8), rs.getFloat(9));
                    if (redactor.redacts(detection)) {
                        timeline.add(rs.getLong(1), rs.getLong(2), detection);
                    }
                }, jobInstanceId, videoId, fromMicros - maxGapMicros, toMicros + maxGapMicros);
        return timeline;
    }

    /** Stores an event with its artifacts (again: the same event replaces its row). */
    public void save(long jobInstanceId, String nodeId, DetectedEvent event, EventArtifacts artifacts, long jobExecutionId) {
        jdbc.update(upsert, jobInstanceId, event.videoId(), event.label(), event.startFrame(), event.key(), nodeId,
                event.classId(), event.endFrame(), event.startMicros(), event.endMicros(), event.maxScore(), event.bestFrame(),
                event.bestMicros(), event.detections(), path(artifacts.snapshot()), path(artifacts.clip()),
                artifacts.json().toString(), artifacts.bytes(), jobExecutionId);
    }

    private static String path(Path path) {
        return path == null ? null : path.toString();
    }
}
