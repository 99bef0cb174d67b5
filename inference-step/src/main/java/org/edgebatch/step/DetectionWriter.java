package org.edgebatch.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edgebatch.detect.Detection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of frames to {@code EB_FRAME} (one row per sampled frame) and their detections to
 * {@code EB_DETECTION}, in JDBC batches inside the chunk's transaction. Rows are keyed by (job instance, video, frame
 * [, detection index]) and written with the dialect's upsert, so a chunk written again after a rollback or a restart
 * leaves the same rows, never two.
 *
 * <p>As an item stream it keeps running totals (frames, inferred, skipped by motion, detections) in the step's
 * ExecutionContext under {@code <name>.*}; they are saved with each commit, so after a restart they count exactly the
 * committed rows.
 */
public class DetectionWriter extends ItemStreamSupport implements ItemStreamWriter<FrameDetections> {

    /** Key suffixes of the running totals. */
    public static final String FRAMES = "frames";
    public static final String INFERRED = "inferred";
    public static final String MOTION_SKIPPED = "motionSkipped";
    public static final String DETECTIONS = "detections";

    static final List<String> FRAME_KEYS = List.of("JOB_INSTANCE_ID", "VIDEO_ID", "FRAME_INDEX");
    static final List<String> FRAME_COLUMNS = List.of("JOB_INSTANCE_ID", "VIDEO_ID", "FRAME_INDEX", "TIMESTAMP_MICROS",
            "INFERRED", "MOTION_SKIPPED", "DETECTIONS", "STEP_EXECUTION_ID");
    static final List<String> DETECTION_KEYS = List.of("JOB_INSTANCE_ID", "VIDEO_ID", "FRAME_INDEX", "DET_INDEX");
    static final List<String> DETECTION_COLUMNS = List.of("JOB_INSTANCE_ID", "VIDEO_ID", "FRAME_INDEX", "DET_INDEX",
            "NODE_ID", "TIMESTAMP_MICROS", "CLASS_ID", "LABEL", "SCORE", "X1", "Y1", "X2", "Y2");

    private final JdbcTemplate jdbc;
    private final long jobInstanceId;
    private final long stepExecutionId;
    private final String nodeId;
    private final String frameSql;
    private final String detectionSql;

    private long frames;
    private long inferred;
    private long motionSkipped;
    private long detections;

    /**
     * @param stepExecutionId recorded on each frame row, so a restart can be seen to leave committed frames alone
     */
    public DetectionWriter(JdbcTemplate jdbc, SqlDialect dialect, long jobInstanceId, long stepExecutionId, String nodeId) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.jobInstanceId = jobInstanceId;
        this.stepExecutionId = stepExecutionId;
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId must not be null");
        this.frameSql = dialect.upsert("EB_FRAME", FRAME_KEYS, FRAME_COLUMNS);
        this.detectionSql = dialect.upsert("EB_DETECTION", DETECTION_KEYS, DETECTION_COLUMNS);
        setName("detectionWriter");
    }

    @Override
    public void write(Chunk<? extends FrameDetections> chunk) {
        List<Object[]> frameRows = new ArrayList<>(chunk.size());
        List<Object[]> detectionRows = new ArrayList<>();
        long chunkInferred = 0;
        long chunkSkipped = 0;
        for (FrameDetections frame : chunk) {
            frameRows.add(new Object[] {jobInstanceId, frame.videoId(), frame.frameIndex(), frame.timestampMicros(),
                    frame.inferred(), frame.motionSkipped(), frame.detections().size(), stepExecutionId});
            chunkInferred += frame.inferred() ? 1 : 0;
            chunkSkipped += frame.motionSkipped() ? 1 : 0;
            List<Detection> found = frame.detections();
            for (int i = 0; i < found.size(); i++) {
                Detection d = found.get(i);
                detectionRows.add(new Object[] {jobInstanceId, frame.videoId(), frame.frameIndex(), i, nodeId,
                        frame.timestampMicros(), d.classId(), d.label(), d.score(), d.x1(), d.y1(), d.x2(), d.y2()});
            }
        }
        if (!frameRows.isEmpty()) {
            jdbc.batchUpdate(frameSql, frameRows);
        }
        if (!detectionRows.isEmpty()) {
            jdbc.batchUpdate(detectionSql, detectionRows);
        }
        frames += frameRows.size();
        inferred += chunkInferred;
        motionSkipped += chunkSkipped;
        detections += detectionRows.size();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        frames = executionContext.getLong(getExecutionContextKey(FRAMES), 0);
        inferred = executionContext.getLong(getExecutionContextKey(INFERRED), 0);
        motionSkipped = executionContext.getLong(getExecutionContextKey(MOTION_SKIPPED), 0);
        detections = executionContext.getLong(getExecutionContextKey(DETECTIONS), 0);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(getExecutionContextKey(FRAMES), frames);
        executionContext.putLong(getExecutionContextKey(INFERRED), inferred);
        executionContext.putLong(getExecutionContextKey(MOTION_SKIPPED), motionSkipped);
        executionContext.putLong(getExecutionContextKey(DETECTIONS), detections);
    }
}
