package org.edgebatch.job;

import java.util.List;
import java.util.Objects;
import org.edgebatch.step.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/** The videos of each job instance ({@code EB_VIDEO}), as its plan fixed them. */
public final class VideoTable {

    private final JdbcTemplate jdbc;
    private final String upsert;

    public VideoTable(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.upsert = dialect.upsert("EB_VIDEO", List.of("JOB_INSTANCE_ID", "VIDEO_ID"),
                List.of("JOB_INSTANCE_ID", "VIDEO_ID", "NODE_ID", "PATH", "SIZE_BYTES", "LAST_MODIFIED", "FRAMES", "FPS",
                        "DURATION_MICROS", "WIDTH", "HEIGHT"));
    }

    public void save(long jobInstanceId, VideoPlan plan) {
        List<Object[]> rows = plan.videos().stream().map(v -> new Object[] {jobInstanceId, v.videoId(), v.nodeId(),
                v.path().toString(), v.sizeBytes(), v.lastModified().toEpochMilli(), v.frames(), v.fps(), v.durationMicros(),
                v.width(), v.height()}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(upsert, rows);
        }
    }
}
