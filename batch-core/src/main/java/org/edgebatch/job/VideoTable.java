package org.edgebatch.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edgebatch.step.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/** The videos of each job instance ({@code EB_VIDEO}), as its plan fixed them. */
public final class VideoTable {

    private final JdbcTemplate jdbc;
    private final String upsert;
    private final String upsertLeftOut;

    public VideoTable(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.upsert = dialect.upsert("EB_VIDEO", List.of("JOB_INSTANCE_ID", "VIDEO_ID"),
                List.of("JOB_INSTANCE_ID", "VIDEO_ID", "NODE_ID", "PATH", "SIZE_BYTES", "LAST_MODIFIED", "FRAMES", "FPS",
                        "DURATION_MICROS", "WIDTH", "HEIGHT"));
        this.upsertLeftOut = dialect.upsert("EB_LEFT_OUT_FILE", List.of("JOB_INSTANCE_ID", "FILE_INDEX"),
                List.of("JOB_INSTANCE_ID", "FILE_INDEX", "NODE_ID", "PATH", "KIND", "REASON"));
    }

    public void save(long jobInstanceId, VideoPlan plan) {
        List<Object[]> rows = plan.videos().stream().map(v -> new Object[] {jobInstanceId, v.videoId(), v.nodeId(),
                v.path().toString(), v.sizeBytes(), v.lastModified().toEpochMilli(), v.frames(), v.fps(), v.durationMicros(),
                v.width(), v.height()}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(upsert, rows);
        }
        List<Object[]> leftOut = new ArrayList<>();
        for (int i = 0; i < plan.leftOut().size(); i++) {
            LeftOutFile file = plan.leftOut().get(i);
            leftOut.add(new Object[] {jobInstanceId, i, file.nodeId(), file.path().toString(), file.kind(), clip(file.reason())});
        }
        if (!leftOut.isEmpty()) {
            jdbc.batchUpdate(upsertLeftOut, leftOut);
        }
    }

    /** The files the inventory of a job instance left out, in the order it found them. */
    public static List<LeftOutFile> leftOut(JdbcTemplate jdbc, long jobInstanceId) {
        return jdbc.query("SELECT NODE_ID, PATH, KIND, REASON FROM EB_LEFT_OUT_FILE WHERE JOB_INSTANCE_ID = ? ORDER BY FILE_INDEX",
                (rs, row) -> new LeftOutFile(rs.getString(1), Path.of(rs.getString(2)), rs.getString(3), rs.getString(4)),
                jobInstanceId);
    }

    private static String clip(String reason) {
        return reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }
}
