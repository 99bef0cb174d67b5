package org.edgebatch.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.edgebatch.node.VideoAsset;
import org.edgebatch.step.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which files a job (by spec name) has already processed ({@code EB_PROCESSED_FILE}), by path, size and
 * modification time: a scheduled run reads only files that are new or changed since. A file counts as processed when
 * its events partition has completed.
 */
public final class ProcessedFiles {

    private final JdbcTemplate jdbc;
    private final DeploymentMode mode;
    private final String upsert;

    /** @param mode says how a file is known: by its path, or by its node and path (distributed) */
    public ProcessedFiles(JdbcTemplate jdbc, SqlDialect dialect, DeploymentMode mode) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        this.upsert = dialect.upsert("EB_PROCESSED_FILE", List.of("SPEC_NAME", "PATH_HASH"),
                List.of("SPEC_NAME", "PATH_HASH", "PATH", "SIZE_BYTES", "LAST_MODIFIED", "JOB_EXECUTION_ID", "PROCESSED_AT"));
    }

    /** Records that job {@code specName} has processed the video as it was planned. */
    public void record(String specName, PlannedVideo video, long jobExecutionId) {
        jdbc.update(upsert, specName, hash(mode.fileKey(video.nodeId(), video.path().toString())), video.path().toString(), video.sizeBytes(),
                video.lastModified().toEpochMilli(), jobExecutionId, System.currentTimeMillis());
    }

    /** Whether the file is new to job {@code specName}, or changed (other size or modification time) since it was processed. */
    public boolean isNewOrChanged(String specName, VideoAsset asset) {
        List<long[]> seen = jdbc.query("SELECT SIZE_BYTES, LAST_MODIFIED FROM EB_PROCESSED_FILE WHERE SPEC_NAME = ? AND PATH_HASH = ?",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}, specName, hash(mode.fileKey(asset.nodeId(), asset.path().toString())));
        return seen.isEmpty() || seen.getFirst()[0] != asset.sizeBytes()
                || seen.getFirst()[1] != asset.lastModified().toEpochMilli();
    }

    static String hash(String path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
