package org.edgebatch.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.edgebatch.report.RunReport;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.report.RunSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads executions as the command line shows them, from the job repository alone (so it works while a job runs in
 * another process, or on other machines): status with every partition, the job list, progress and the run report.
 */
public final class ExecutionExplorer {

    private final JobRepository jobRepository;
    private final JobSpecStore specs;
    private final ProcessHeartbeat heartbeat;
    private final PartitionClaims claims;
    private final RunReportBuilder reports;
    private final JdbcTemplate jdbc;

    public ExecutionExplorer(JobRepository jobRepository, JobSpecStore specs, ProcessHeartbeat heartbeat,
                             PartitionClaims claims, RunReportBuilder reports, JdbcTemplate jdbc) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat must not be null");
        this.claims = Objects.requireNonNull(claims, "claims must not be null");
        this.reports = Objects.requireNonNull(reports, "reports must not be null");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
    }

    /**
     * The status of an execution, its steps and the latest run of each partition of its instance.
     *
     * @throws IllegalArgumentException when there is no such execution
     */
    public JobStatusView status(long executionId) {
        JobExecution execution = Executions.find(jobRepository, executionId);
        long instanceId = execution.getJobInstance().getInstanceId();
        List<JobStatusView.StepView> steps = new ArrayList<>();
        String failure = "";
        for (StepExecution step : sorted(execution.getStepExecutions())) {
            if (PartitionNames.isPartition(step.getStepName())) {
                continue;
            }
            String why = step.getStatus() == BatchStatus.FAILED ? FailureMessages.rootMessage(step.getExitStatus().getExitDescription()) : "";
            steps.add(new JobStatusView.StepView(step.getStepName(), step.getStatus().name(), step.getWriteCount(),
                    step.getSkipCount(), why));
        }
        List<StepExecution> latest = latestPartitions(execution);
        Map<Long, PartitionClaims.Claim> claimed = claims.claimsOf(latest.stream().map(StepExecution::getJobExecutionId)
                .distinct().toList());
        Map<String, long[]> frames = framesByVideo(instanceId);
        Map<String, List<PlannedVideo>> grouped = VideoTable.videosByPartition(jdbc, instanceId);
        List<PartitionView> partitions = new ArrayList<>();
        for (StepExecution partition : latest) {
            ExecutionContext context = partition.getExecutionContext();
            String why = partition.getStatus() == BatchStatus.FAILED
                    ? FailureMessages.rootMessage(partition.getExitStatus().getExitDescription()) : "";
            if (failure.isEmpty() && !why.isEmpty()) {
                failure = why;
            }
            String name = partition.getStepName();
            boolean detect = PartitionNames.isPartitionOf(name, DetectWorkerStepFactory.STEP_NAME);
            PartitionProgress progress = PartitionProgress.of(context);
            List<PartitionView.FileView> files = new ArrayList<>();
            long inferred = 0;
            long detections = 0;
            long totalFrames = context.getLong(VideoGroup.FRAMES, context.getLong(PlannedVideo.VIDEO_FRAMES, 0));
            List<PlannedVideo> videos = filesOf(context, PartitionNames.partition(name), grouped);
            for (int i = 0; i < videos.size(); i++) {
                PlannedVideo video = videos.get(i);
                long[] videoFrames = frames.getOrDefault(video.videoId(), new long[2]);
                long done = !detect ? 0 : partition.getStatus() == BatchStatus.COMPLETED || i < progress.fileIndex() ? video.frames()
                        : i == progress.fileIndex() ? progress.framesRead() : 0;
                files.add(new PartitionView.FileView(video.path().toString(), video.frames(), done, videoFrames[0], videoFrames[1]));
                inferred += videoFrames[0];
                detections += videoFrames[1];
            }
            PartitionClaims.Claim claim = claimed.get(partition.getId());
            partitions.add(new PartitionView(PartitionNames.workerStep(name), PartitionNames.partition(name),
                    context.getString(PlannedVideo.NODE, ""), context.getString(PlannedVideo.VIDEO_PATH, ""),
                    partition.getStatus().name(), progress.lastFrameIndex(), totalFrames,
                    progress.undecodable(), why, claim == null ? "" : claim.worker().host(), detect ? inferred : 0,
                    detect ? detections : 0, files));
        }
        if (failure.isEmpty() && execution.getStatus() == BatchStatus.FAILED) {
            failure = steps.stream().map(JobStatusView.StepView::failure).filter(f -> !f.isEmpty()).findFirst()
                    .orElse(FailureMessages.rootMessage(execution.getExitStatus().getExitDescription()));
        }
        String runner = "";
        if (execution.getStatus().isRunning()
                && heartbeat.liveness(executionId) instanceof ProcessHeartbeat.Liveness.Alive(String host, long pid, long seen)) {
            runner = host + " " + pid;
        }
        return new JobStatusView(executionId, instanceId, execution.getJobInstance().getJobName(), execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), failure, iso(execution.getStartTime()), iso(execution.getEndTime()),
                specs.source(instanceId).orElse(""), runner, steps, partitions, nodeFigures(executionId),
                RunReportBuilder.leftOut(jdbc, instanceId));
    }

    /** The files of a video partition: its group's, or the one its context names; none for a per-node partition. */
    private static List<PlannedVideo> filesOf(ExecutionContext context, String partitionName, Map<String, List<PlannedVideo>> grouped) {
        if (!context.containsKey(PlannedVideo.VIDEO_ID)) {
            return List.of();
        }
        List<PlannedVideo> group = grouped.get(partitionName);
        return group != null ? group : List.of(PlannedVideo.fromContext(context));
    }

    private List<JobStatusView.NodeFigures> nodeFigures(long executionId) {
        return reports.build(executionId).nodes().stream().map(node -> new JobStatusView.NodeFigures(node.nodeId(),
                node.totals().bytesScanned(), node.totals().bytesUploaded(), node.totals().events(),
                node.totals().pendingUploads())).toList();
    }

    /** Frames inferred and detections written per video of an instance: {@code [inferred, detections]} by video id. */
    private Map<String, long[]> framesByVideo(long instanceId) {
        Map<String, long[]> byVideo = new HashMap<>();
        jdbc.query("SELECT VIDEO_ID, SUM(CASE WHEN INFERRED THEN 1 ELSE 0 END), SUM(DETECTIONS) FROM EB_FRAME"
                + " WHERE JOB_INSTANCE_ID = ? GROUP BY VIDEO_ID", rs -> {
                    byVideo.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, instanceId);
        return byVideo;
    }

    /** The latest executions of every job, newest first (at most {@code limit}). */
    public List<JobSummaryView> jobs(int limit) {
        List<JobSummaryView> all = new ArrayList<>();
        for (String name : jobRepository.getJobNames()) {
            for (JobInstance instance : jobRepository.getJobInstances(name, 0, limit)) {
                for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                    all.add(new JobSummaryView(execution.getId(), instance.getInstanceId(), name, execution.getStatus().name(),
                            execution.getExitStatus().getExitCode(), iso(execution.getStartTime()), iso(execution.getEndTime())));
                }
            }
        }
        all.sort(Comparator.comparingLong(JobSummaryView::jobExecutionId).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** The events of an execution's job instance, by node, video and time. */
    public List<EventView> events(long executionId) {
        long instanceId = Executions.find(jobRepository, executionId).getJobInstance().getInstanceId();
        return jdbc.query("SELECT E.EVENT_KEY, E.NODE_ID, V.PATH, E.LABEL, E.START_MICROS, E.END_MICROS, E.START_FRAME,"
                        + " E.END_FRAME, E.MAX_SCORE, E.BEST_FRAME, E.SNAPSHOT_PATH, E.CLIP_PATH, E.EVENT_JSON_PATH FROM EB_EVENT E"
                        + " JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID AND V.VIDEO_ID = E.VIDEO_ID"
                        + " WHERE E.JOB_INSTANCE_ID = ? ORDER BY E.NODE_ID, V.PATH, E.START_MICROS, E.LABEL",
                (rs, row) -> new EventView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5) / 1e6, rs.getLong(6) / 1e6, rs.getLong(7), rs.getLong(8), rs.getFloat(9), rs.getLong(10),
                        rs.getString(11), rs.getString(12), rs.getString(13)),
                instanceId);
    }

    /** How far an execution is, in all and per node; cheap enough to poll every second. */
    public Progress progress(long executionId) {
        JobExecution execution = Executions.find(jobRepository, executionId);
        ExecutionContext jobContext = execution.getExecutionContext();
        VideoPlan plan = jobContext.containsKey(VideoPlan.CONTEXT_KEY) ? VideoPlan.from(jobContext) : new VideoPlan(List.of());
        Map<String, NodeCount> byNode = new TreeMap<>();
        for (PlannedVideo video : plan.videos()) {
            NodeCount node = byNode.computeIfAbsent(video.nodeId(), id -> new NodeCount());
            node.framesTotal += video.frames();
            node.partitionsTotal++;
        }
        long instanceId = execution.getJobInstance().getInstanceId();
        // A partition may hold several files: count partitions as planned (videos planned before that, one each).
        jdbc.query("SELECT NODE_ID, COUNT(DISTINCT PARTITION_NAME) FROM EB_VIDEO WHERE JOB_INSTANCE_ID = ?"
                + " AND PARTITION_NAME IS NOT NULL GROUP BY NODE_ID", rs -> {
                    NodeCount node = byNode.get(rs.getString(1));
                    if (node != null) {
                        node.partitionsTotal = rs.getInt(2);
                    }
                }, instanceId);
        long decodedHere = 0;
        Supplier<Map<String, List<PlannedVideo>>> grouped = memoized(() -> VideoTable.videosByPartition(jdbc, instanceId));
        for (StepExecution partition : latestPartitions(execution)) {
            if (!PartitionNames.isPartitionOf(partition.getStepName(), DetectWorkerStepFactory.STEP_NAME)) {
                continue;
            }
            ExecutionContext context = partition.getExecutionContext();
            NodeCount node = byNode.computeIfAbsent(context.getString(PlannedVideo.NODE, ""), id -> new NodeCount());
            PartitionProgress progress = PartitionProgress.of(context);
            if (partition.getStatus() == BatchStatus.COMPLETED) {
                node.partitionsDone++;
                node.framesDone += context.getLong(VideoGroup.FRAMES, context.getLong(PlannedVideo.VIDEO_FRAMES, 0));
            } else {
                node.framesDone += progress.framesRead();
                if (progress.fileIndex() > 0) {
                    List<PlannedVideo> group = grouped.get().getOrDefault(PartitionNames.partition(partition.getStepName()), List.of());
                    node.framesDone += group.stream().limit(progress.fileIndex()).mapToLong(PlannedVideo::frames).sum();
                }
            }
            if (partition.getJobExecutionId() == executionId) {
                decodedHere += progress.decodedThisExecution();
            }
        }
        List<NodeProgress> nodes = new ArrayList<>();
        byNode.forEach((id, count) -> nodes.add(new NodeProgress(id, count.framesDone, count.framesTotal, count.partitionsDone,
                count.partitionsTotal)));
        String step = sorted(execution.getStepExecutions()).stream().filter(s -> !PartitionNames.isPartition(s.getStepName()))
                .reduce((a, b) -> b).map(StepExecution::getStepName).orElse("");
        double seconds = execution.getStartTime() == null ? 0 : Duration.between(execution.getStartTime(),
                execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now()).toNanos() / 1e9;
        return new Progress(executionId, execution.getStatus().name(), step,
                nodes.stream().mapToLong(NodeProgress::framesDone).sum(), plan.totalFrames(),
                nodes.stream().mapToInt(NodeProgress::partitionsDone).sum(), nodes.stream().mapToInt(NodeProgress::partitionsTotal).sum(),
                seconds > 0 ? decodedHere / seconds : 0, nodes);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }

    private static final class NodeCount {
        long framesDone;
        long framesTotal;
        int partitionsDone;
        int partitionsTotal;
    }

    /** The run report of an execution, built from the repository as it is now (what {@code report.json} holds once it ended). */
    public RunReport report(long executionId) {
        Executions.find(jobRepository, executionId);
        return reports.build(executionId);
    }

    /** The one-screen summary of an execution's report. */
    public String summary(long executionId) {
        return RunSummary.format(report(executionId));
    }

    /** The latest execution of every partition of the instance, up to this execution, by name. */
    private List<StepExecution> latestPartitions(JobExecution execution) {
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution run : jobRepository.getJobExecutions(execution.getJobInstance())) {
            if (run.getId() > execution.getId()) {
                continue;
            }
            for (StepExecution step : run.getStepExecutions()) {
                if (PartitionNames.isPartition(step.getStepName())) {
                    latest.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        List<StepExecution> partitions = new ArrayList<>(latest.values());
        partitions.sort(Comparator.comparing(StepExecution::getStepName));
        return partitions;
    }

    private static List<StepExecution> sorted(Collection<StepExecution> steps) {
        List<StepExecution> list = new ArrayList<>(steps);
        list.sort(Comparator.comparingLong(StepExecution::getId));
        return list;
    }

    private static String iso(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
