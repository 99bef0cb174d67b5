package org.edgebatch.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.edgebatch.job.DetectWorkerStepFactory;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.PartitionNames;
import org.edgebatch.job.PartitionProgress;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.job.VideoTable;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the {@link RunReport} of a job execution from the job repository and EdgeBatch's tables: per node, the files
 * planned, the frames and detections written, the events made, the pictures decoded (kept by each detect partition),
 * and the time the node's detect partitions ran.
 */
public final class RunReportBuilder {

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final JobSpecStore specs;

    public RunReportBuilder(JdbcTemplate jdbc, JobRepository jobRepository, JobSpecStore specs) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
    }

    /**
     * @throws IllegalArgumentException when there is no such execution
     */
    public RunReport build(long jobExecutionId) {
        JobExecution execution = jobRepository.getJobExecution(jobExecutionId);
        if (execution == null) {
            throw new IllegalArgumentException("there is no job execution " + jobExecutionId);
        }
        long instanceId = execution.getJobInstance().getInstanceId();
        List<JobExecution> history = jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .filter(e -> e.getId() <= jobExecutionId).toList();

        Map<String, Counts> byNode = new TreeMap<>();
        jdbc.query("SELECT NODE_ID, COUNT(*), SUM(SIZE_BYTES), SUM(DURATION_MICROS) FROM EB_VIDEO WHERE JOB_INSTANCE_ID = ?"
                + " GROUP BY NODE_ID", rs -> {
                    Counts c = byNode.computeIfAbsent(rs.getString(1), id -> new Counts());
                    c.files = rs.getLong(2);
                    c.bytesScanned = rs.getLong(3);
                    c.videoSeconds = rs.getLong(4) / 1e6;
                }, instanceId);
        jdbc.query("SELECT V.NODE_ID, SUM(CASE WHEN F.INFERRED THEN 1 ELSE 0 END), SUM(CASE WHEN F.MOTION_SKIPPED THEN 1 ELSE 0 END),"
                + " SUM(F.DETECTIONS) FROM EB_FRAME F JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = F.JOB_INSTANCE_ID"
                + " AND V.VIDEO_ID = F.VIDEO_ID WHERE F.JOB_INSTANCE_ID = ? GROUP BY V.NODE_ID", rs -> {
                    Counts c = byNode.computeIfAbsent(rs.getString(1), id -> new Counts());
                    c.inferred = rs.getLong(2);
                    c.skipped = rs.getLong(3);
                    c.detections = rs.getLong(4);
                }, instanceId);
        jdbc.query("SELECT NODE_ID, COUNT(*), SUM(ARTIFACT_BYTES) FROM EB_EVENT WHERE JOB_INSTANCE_ID = ? GROUP BY NODE_ID", rs -> {
            Counts c = byNode.computeIfAbsent(rs.getString(1), id -> new Counts());
            c.events = rs.getLong(2);
            c.artifactBytes = rs.getLong(3);
        }, instanceId);
        jdbc.query("SELECT NODE_ID, SUM(CASE WHEN STATUS = 'SENT' THEN COALESCE(UPLOADED_BYTES, 0) ELSE 0 END),"
                + " SUM(CASE WHEN STATUS = 'PENDING' THEN 1 ELSE 0 END) FROM EB_OUTBOX WHERE JOB_INSTANCE_ID = ? GROUP BY NODE_ID", rs -> {
                    Counts c = byNode.computeIfAbsent(rs.getString(1), id -> new Counts());
                    c.bytesUploaded = rs.getLong(2);
                    c.pendingUploads = rs.getLong(3);
                }, instanceId);
        addDecoding(history, byNode);

        double totalWall = 0;
        List<RunReport.NodeReport> nodes = new ArrayList<>();
        RunTotals totals = RunTotals.empty();
        for (Map.Entry<String, Counts> node : byNode.entrySet()) {
            RunTotals figures = node.getValue().totals();
            nodes.add(new RunReport.NodeReport(node.getKey(), figures));
            totals = totals.plus(figures, 0);
        }
        totalWall = detectWall(history, null);
        totals = totals.plus(RunTotals.empty(), RunTotals.round(totalWall));

        JobSpec spec = specs.find(instanceId).orElse(null);
        RunReport.Model model = spec == null ? new RunReport.Model(null, null)
                : new RunReport.Model(spec.model().path().toString(), spec.model().provider());
        return new RunReport(jobExecutionId, execution.getJobInstance().getJobName(), execution.getStatus().name(),
                iso(execution.getStartTime()), iso(execution.getEndTime()), model, totals, nodes, events(instanceId),
                leftOut(jdbc, instanceId));
    }

    /** The files a job instance's inventory left out, in the order it found them. */
    public static List<RunReport.LeftOut> leftOut(JdbcTemplate jdbc, long instanceId) {
        return VideoTable.leftOut(jdbc, instanceId).stream()
                .map(file -> new RunReport.LeftOut(file.nodeId(), file.path().toString(), file.kind(), file.reason())).toList();
    }

    /** Pictures decoded and frames undecodable, from the last execution of each detect partition, and node wall times. */
    private static void addDecoding(List<JobExecution> history, Map<String, Counts> byNode) {
        Map<String, StepExecution> lastByPartition = new HashMap<>();
        for (JobExecution execution : history) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (PartitionNames.isPartitionOf(step.getStepName(), DetectWorkerStepFactory.STEP_NAME)) {
                    lastByPartition.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        for (StepExecution partition : lastByPartition.values()) {
            ExecutionContext context = partition.getExecutionContext();
            if (!context.containsKey(PlannedVideo.NODE)) {
                continue;
            }
            Counts c = byNode.computeIfAbsent(context.getString(PlannedVideo.NODE), id -> new Counts());
            PartitionProgress progress = PartitionProgress.of(context);
            c.decoded += progress.decoded();
            c.undecodable += progress.undecodable();
        }
        for (Map.Entry<String, Counts> node : byNode.entrySet()) {
            node.getValue().wallSeconds = detectWall(history, node.getKey());
        }
    }

    /** Seconds the detect partitions (of one node, or all when {@code nodeId} is null) ran, summed over executions. */
    private static double detectWall(List<JobExecution> history, String nodeId) {
        double seconds = 0;
        for (JobExecution execution : history) {
            LocalDateTime first = null;
            LocalDateTime last = null;
            for (StepExecution step : execution.getStepExecutions()) {
                if (!PartitionNames.isPartitionOf(step.getStepName(), DetectWorkerStepFactory.STEP_NAME) || step.getStartTime() == null) {
                    continue;
                }
                if (nodeId != null && !nodeId.equals(step.getExecutionContext().getString(PlannedVideo.NODE, null))) {
                    continue;
                }
                LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now();
                first = first == null || step.getStartTime().isBefore(first) ? step.getStartTime() : first;
                last = last == null || end.isAfter(last) ? end : last;
            }
            if (first != null) {
                seconds += Duration.between(first, last).toNanos() / 1e9;
            }
        }
        return seconds;
    }

    private List<RunReport.EventReport> events(long instanceId) {
        return jdbc.query("SELECT E.NODE_ID, V.PATH, E.LABEL, E.START_MICROS, E.END_MICROS, E.MAX_SCORE, E.BEST_FRAME,"
                        + " E.SNAPSHOT_PATH FROM EB_EVENT E JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID"
                        + " AND V.VIDEO_ID = E.VIDEO_ID WHERE E.JOB_INSTANCE_ID = ? ORDER BY E.NODE_ID, V.PATH, E.START_MICROS, E.LABEL",
                (rs, row) -> new RunReport.EventReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4) / 1e6,
                        rs.getLong(5) / 1e6, rs.getFloat(6), rs.getLong(7), rs.getString(8)),
                instanceId);
    }

    private static String iso(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static final class Counts {
        long files;
        long decoded;
        long inferred;
        long skipped;
        long undecodable;
        long detections;
        long events;
        long bytesScanned;
        long artifactBytes;
        long bytesUploaded;
        long pendingUploads;
        double videoSeconds;
        double wallSeconds;

        RunTotals totals() {
            return new RunTotals(files, decoded, inferred, skipped, undecodable, detections, events, bytesScanned,
                    artifactBytes, RunTotals.round(videoSeconds), RunTotals.round(wallSeconds), RunTotals.rate(decoded, wallSeconds),
                    bytesUploaded, pendingUploads);
        }
    }
}
