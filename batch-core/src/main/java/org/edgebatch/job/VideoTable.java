package org.edgebatch.job;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
                        "DURATION_MICROS", "WIDTH", "HEIGHT", "PARTITION_NAME", "PARTITION_INDEX"));
        this.upsertLeftOut = dialect.upsert("EB_LEFT_OUT_FILE", List.of("JOB_INSTANCE_ID", "FILE_INDEX"),
                List.of("JOB_INSTANCE_ID", "FILE_INDEX", "NODE_ID", "PATH", "KIND", "REASON"));
    }

    /** Saves the plan, each video in a partition of its own. */
    public void save(long jobInstanceId, VideoPlan plan) {
        save(jobInstanceId, plan, plan.videos().stream().map(v -> new VideoGroup(v.partitionName(), v.nodeId(), List.of(v))).toList());
    }

    /** Saves the plan and which partition (group) reads each video, in which order. */
    public void save(long jobInstanceId, VideoPlan plan, List<VideoGroup> groups) {
        Map<String, Object[]> partitionOf = new HashMap<>();
        for (VideoGroup group : groups) {
            for (int i = 0; i < group.videos().size(); i++) {
                partitionOf.put(group.videos().get(i).videoId(), new Object[] {group.name(), i});
            }
        }
        List<Object[]> rows = plan.videos().stream().map(v -> {
            Object[] partition = partitionOf.getOrDefault(v.videoId(), new Object[] {null, null});
            return new Object[] {jobInstanceId, v.videoId(), v.nodeId(), v.path().toString(), v.sizeBytes(),
                    v.lastModified().toEpochMilli(), v.frames(), v.fps(), v.durationMicros(), v.width(), v.height(),
                    partition[0], partition[1]};
        }).toList();
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

    /** The videos partition {@code partitionName} of a job instance reads, in the order it reads them. */
    public static List<PlannedVideo> partitionVideos(JdbcTemplate jdbc, long jobInstanceId, String partitionName) {
        return jdbc.query(SELECT_VIDEOS + " FROM EB_VIDEO WHERE JOB_INSTANCE_ID = ? AND PARTITION_NAME = ? ORDER BY PARTITION_INDEX",
                (rs, row) -> video(rs), jobInstanceId, partitionName);
    }

    /** Every video of a job instance by the partition reading it, each partition's in reading order. */
    public static Map<String, List<PlannedVideo>> videosByPartition(JdbcTemplate jdbc, long jobInstanceId) {
        Map<String, List<PlannedVideo>> byPartition = new LinkedHashMap<>();
        jdbc.query(SELECT_VIDEOS + ", PARTITION_NAME FROM EB_VIDEO WHERE JOB_INSTANCE_ID = ? AND PARTITION_NAME IS NOT NULL"
                        + " ORDER BY PARTITION_NAME, PARTITION_INDEX",
                rs -> {
                    byPartition.computeIfAbsent(rs.getString(12), name -> new ArrayList<>()).add(video(rs));
                }, jobInstanceId);
        return byPartition;
    }

    private static final String SELECT_VIDEOS = "SELECT VIDEO_ID, NODE_ID, PATH, SIZE_BYTES, LAST_MODIFIED, FRAMES, FPS,"
            + " DURATION_MICROS, WIDTH, HEIGHT, JOB_INSTANCE_ID";

    private static PlannedVideo video(ResultSet rs) throws SQLException {
        return new PlannedVideo(rs.getString(1), rs.getString(2), Path.of(rs.getString(3)), rs.getLong(4),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getLong(6), rs.getDouble(7), rs.getLong(8), rs.getInt(9), rs.getInt(10));
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
