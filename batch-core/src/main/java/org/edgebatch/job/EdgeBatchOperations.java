package org.edgebatch.job;

import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.edgebatch.detect.Detector;
import org.edgebatch.publish.Publishers;
import org.edgebatch.report.RunReport;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.report.RunSummary;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.step.FrameReaderCounters;
import org.edgebatch.video.FrameReader;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the command line does with jobs, in one place: launch a spec (validated completely before a job instance
 * exists), restart an execution (rebuilt from the spec stored with its instance, a killed run recovered first),
 * stop one, and read status, job list, events, progress and run report as records ready to print or serialise.
 * An execution that ends COMPLETED is a success; any other status is a failure.
 */
public final class EdgeBatchOperations {

    /** Identifying job parameters: the spec's name and a number new for every launch. */
    public static final String SPEC_NAME = "spec.name";
    public static final String RUN_ID = "run.id";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final VideoInferenceJobFactory jobs;
    private final InventoryPlanner planner;
    private final ProcessedFiles processed;
    private final DetectorFactory detectorFactory;
    private final JobSpecStore specs;
    private final ProcessHeartbeat heartbeat;
    private final RunReportBuilder reports;
    private final JdbcTemplate jdbc;
    private final Executor background;

    public EdgeBatchOperations(JobOperator jobOperator, JobRepository jobRepository, VideoInferenceJobFactory jobs,
                               InventoryPlanner planner, ProcessedFiles processed, DetectorFactory detectorFactory,
                               JobSpecStore specs, ProcessHeartbeat heartbeat, RunReportBuilder reports, JdbcTemplate jdbc,
                               Executor background) {
        this.jobOperator = Objects.requireNonNull(jobOperator, "jobOperator must not be null");
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.jobs = Objects.requireNonNull(jobs, "jobs must not be null");
        this.planner = Objects.requireNonNull(planner, "planner must not be null");
        this.processed = Objects.requireNonNull(processed, "processed must not be null");
        this.detectorFactory = Objects.requireNonNull(detectorFactory, "detectorFactory must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat must not be null");
        this.reports = Objects.requireNonNull(reports, "reports must not be null");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.background = Objects.requireNonNull(background, "background must not be null");
    }

    /**
     * Checks everything a run needs, writing nothing: the publish target, the model (opened once), the inventory
     * (allow-lists, files, every file probed as a video). Returns the plan a launch would run.
     *
     * @throws org.edgebatch.node.InventoryException naming the path, node or file at fault
     * @throws LaunchRefusedException                for a model that cannot be loaded or an unusable publish target
     */
    public VideoPlan validate(JobSpec spec, LaunchOptions options) {
        Objects.requireNonNull(spec, "spec must not be null");
        try {
            Publishers.of(spec.publish());
        } catch (IllegalArgumentException e) {
            throw new LaunchRefusedException(e.getMessage(), e);
        }
        checkModel(spec);
        return options.onlyNewOrChanged()
                ? planner.plan(spec, asset -> processed.isNewOrChanged(spec.name(), asset))
                : planner.plan(spec);
    }

    private void checkModel(JobSpec spec) {
        var model = spec.model().path();
        if (model == null || !Files.isRegularFile(model)) {
            throw new LaunchRefusedException("model file not found: " + model);
        }
        try (Detector detector = detectorFactory.open(spec)) {
            // Opening is the check: ONNX Runtime reads the whole model and the detector checks its input and output.
            Objects.requireNonNull(detector.model());
        } catch (RuntimeException e) {
            throw new LaunchRefusedException("model " + model + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Validates and runs the spec to its end in this thread; see {@link #start}. */
    public JobExecution launch(JobSpec spec, LaunchOptions options) {
        return launchPlanned(spec, options, validate(spec, options), new JobExecutionListener() {
        });
    }

    /**
     * Validates the spec in this thread (so a bad spec fails here, before any job instance exists), then runs it in
     * the background. Returns empty, launching nothing, when only new or changed files were asked for and there are
     * none.
     */
    public Optional<JobRun> start(JobSpec spec, LaunchOptions options) {
        VideoPlan plan = validate(spec, options);
        if (options.onlyNewOrChanged() && plan.videos().isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<Long> executionId = new CompletableFuture<>();
        JobExecutionListener started = new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                executionId.complete(execution.getId());
            }
        };
        CompletableFuture<JobExecution> completion = CompletableFuture.supplyAsync(
                () -> launchPlanned(spec, options, plan, started), background);
        completion.whenComplete((execution, failure) -> {
            if (failure != null) {
                executionId.completeExceptionally(failure);
            } else {
                executionId.complete(execution.getId());
            }
        });
        return Optional.of(new JobRun(executionId, completion));
    }

    private JobExecution launchPlanned(JobSpec spec, LaunchOptions options, VideoPlan plan, JobExecutionListener extra) {
        Job job = jobs.build(spec, options.specSource(), extra);
        JobParameters parameters = new JobParametersBuilder()
                .addString(SPEC_NAME, spec.name())
                .addLong(RUN_ID, System.currentTimeMillis())
                .addLong("plan.videos", (long) plan.videos().size(), false)
                .addString(InventoryTasklet.ONLY_NEW_OR_CHANGED, Boolean.toString(options.onlyNewOrChanged()), false)
                .toJobParameters();
        try {
            return jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new LaunchRefusedException("job " + spec.name() + " could not be started: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the unfinished part of an execution's job instance again, in this thread: the job is rebuilt from the spec
     * stored with the instance; completed partitions are not run again, unfinished ones resume after their last
     * committed chunk. An execution left STARTED by a process that is gone is marked FAILED first.
     *
     * @throws LaunchRefusedException when a live process still runs it (naming host and pid), or it completed
     * @throws IllegalArgumentException when there is no such execution
     */
    public JobExecution restart(long executionId) {
        return restartPrepared(prepareRestart(executionId), new JobExecutionListener() {
        });
    }

    /**
     * Checks and prepares a restart in this thread as {@link #restart} does (refusals are thrown here), then runs it in
     * the background, so the caller can follow the new execution's progress.
     */
    public JobRun startRestart(long executionId) {
        PreparedRestart prepared = prepareRestart(executionId);
        CompletableFuture<Long> newExecutionId = new CompletableFuture<>();
        JobExecutionListener started = new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                newExecutionId.complete(execution.getId());
            }
        };
        CompletableFuture<JobExecution> completion = CompletableFuture.supplyAsync(
                () -> restartPrepared(prepared, started), background);
        completion.whenComplete((execution, failure) -> {
            if (failure != null) {
                newExecutionId.completeExceptionally(failure);
            } else {
                newExecutionId.complete(execution.getId());
            }
        });
        return new JobRun(newExecutionId, completion);
    }

    private PreparedRestart prepareRestart(long executionId) {
        JobExecution execution = execution(executionId);
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != executionId) {
            execution = last;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new LaunchRefusedException("execution " + execution.getId() + " of job " + execution.getJobInstance().getJobName()
                    + " has completed; there is nothing to restart");
        }
        if (execution.getStatus().isRunning()) {
            ProcessHeartbeat.Liveness liveness = heartbeat.liveness(execution.getId());
            if (liveness instanceof ProcessHeartbeat.Liveness.Alive(String host, long pid, long lastSeen)) {
                throw new LaunchRefusedException("execution " + execution.getId() + " is still running in process " + pid
                        + " on " + host + "; stop it first (edgebatch stop " + execution.getId() + ")");
            }
            jobOperator.recover(execution);
            heartbeat.stop(execution.getId());
        }
        long instanceId = execution.getJobInstance().getInstanceId();
        return new PreparedRestart(execution, specs.load(instanceId), specs.source(instanceId).orElse(null));
    }

    private JobExecution restartPrepared(PreparedRestart prepared, JobExecutionListener extra) {
        Job job = jobs.build(prepared.spec(), prepared.source(), extra);
        try {
            return jobOperator.start(job, prepared.execution().getJobParameters());
        } catch (Exception e) {
            throw new LaunchRefusedException("execution " + prepared.execution().getId() + " could not be restarted: "
                    + e.getMessage(), e);
        }
    }

    /** A restart checked and recovered, ready to run: the execution it continues and the job's stored spec. */
    private record PreparedRestart(JobExecution execution, JobSpec spec, String source) {
    }

    /**
     * Asks a running execution to stop: its partitions stop after their current chunk and it ends STOPPED (restartable).
     *
     * @throws LaunchRefusedException when it is not running
     */
    public JobExecution stop(long executionId) {
        JobExecution execution = execution(executionId);
        try {
            jobOperator.stop(execution);
        } catch (Exception e) {
            throw new LaunchRefusedException("execution " + executionId + " cannot be stopped: it is " + execution.getStatus(), e);
        }
        return execution(executionId);
    }

    /** The status of an execution, its steps and the latest run of each partition of its instance. */
    public JobStatusView status(long executionId) {
        JobExecution execution = execution(executionId);
        long instanceId = execution.getJobInstance().getInstanceId();
        List<JobStatusView.StepView> steps = new ArrayList<>();
        String failure = "";
        for (StepExecution step : sorted(execution.getStepExecutions())) {
            if (step.getStepName().contains(":")) {
                continue;
            }
            String why = step.getStatus() == BatchStatus.FAILED ? FailureMessages.rootMessage(step.getExitStatus().getExitDescription()) : "";
            steps.add(new JobStatusView.StepView(step.getStepName(), step.getStatus().name(), step.getWriteCount(),
                    step.getSkipCount(), why));
        }
        List<PartitionView> partitions = new ArrayList<>();
        for (StepExecution partition : latestPartitions(execution)) {
            ExecutionContext context = partition.getExecutionContext();
            String why = partition.getStatus() == BatchStatus.FAILED
                    ? FailureMessages.rootMessage(partition.getExitStatus().getExitDescription()) : "";
            if (failure.isEmpty() && !why.isEmpty()) {
                failure = why;
            }
            String name = partition.getStepName();
            partitions.add(new PartitionView(name.substring(0, name.indexOf(':')), name.substring(name.indexOf(':') + 1),
                    context.getString(PlannedVideo.NODE, ""), context.getString(PlannedVideo.VIDEO_PATH, ""),
                    partition.getStatus().name(), context.getLong("frameReader." + FrameReader.FRAME_INDEX, -1),
                    context.getLong(PlannedVideo.VIDEO_FRAMES, 0), context.getLong("frameCounters." + FrameReaderCounters.UNDECODABLE, 0),
                    why));
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
                specs.source(instanceId).orElse(""), runner, steps, partitions);
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
        long instanceId = execution(executionId).getJobInstance().getInstanceId();
        return jdbc.query("SELECT E.EVENT_KEY, E.NODE_ID, V.PATH, E.LABEL, E.START_MICROS, E.END_MICROS, E.START_FRAME,"
                        + " E.END_FRAME, E.MAX_SCORE, E.BEST_FRAME, E.SNAPSHOT_PATH, E.CLIP_PATH, E.EVENT_JSON_PATH FROM EB_EVENT E"
                        + " JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID AND V.VIDEO_ID = E.VIDEO_ID"
                        + " WHERE E.JOB_INSTANCE_ID = ? ORDER BY E.NODE_ID, V.PATH, E.START_MICROS, E.LABEL",
                (rs, row) -> new EventView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5) / 1e6, rs.getLong(6) / 1e6, rs.getLong(7), rs.getLong(8), rs.getFloat(9), rs.getLong(10),
                        rs.getString(11), rs.getString(12), rs.getString(13)),
                instanceId);
    }

    /** How far an execution is; cheap enough to poll every second. */
    public Progress progress(long executionId) {
        JobExecution execution = execution(executionId);
        ExecutionContext jobContext = execution.getExecutionContext();
        long total = jobContext.containsKey(VideoPlan.CONTEXT_KEY) ? VideoPlan.from(jobContext).totalFrames() : 0;
        int partitionsTotal = jobContext.containsKey(VideoPlan.CONTEXT_KEY) ? VideoPlan.from(jobContext).videos().size() : 0;
        long done = 0;
        int partitionsDone = 0;
        long decodedHere = 0;
        for (StepExecution partition : latestPartitions(execution)) {
            if (!partition.getStepName().startsWith(DetectWorkerStepFactory.STEP_NAME + ":")) {
                continue;
            }
            ExecutionContext context = partition.getExecutionContext();
            if (partition.getStatus() == BatchStatus.COMPLETED) {
                partitionsDone++;
                done += context.getLong(PlannedVideo.VIDEO_FRAMES, 0);
            } else {
                done += context.getLong("frameReader." + FrameReader.FRAME_INDEX, -1) + 1;
            }
            if (partition.getJobExecutionId() == executionId) {
                decodedHere += context.getLong("frameCounters." + FrameReaderCounters.DECODED_THIS_EXECUTION, 0);
            }
        }
        String step = sorted(execution.getStepExecutions()).stream().filter(s -> !s.getStepName().contains(":"))
                .reduce((a, b) -> b).map(StepExecution::getStepName).orElse("");
        double seconds = execution.getStartTime() == null ? 0 : java.time.Duration.between(execution.getStartTime(),
                execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now()).toNanos() / 1e9;
        return new Progress(executionId, execution.getStatus().name(), step, done, total,
                partitionsDone, partitionsTotal, seconds > 0 ? decodedHere / seconds : 0);
    }

    /** The run report of an execution, built from the repository as it is now (what {@code report.json} holds once it ended). */
    public RunReport report(long executionId) {
        execution(executionId);
        return reports.build(executionId);
    }

    /** The one-screen summary of an execution's report. */
    public String summary(long executionId) {
        return RunSummary.format(report(executionId));
    }

    private JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            // The JDBC repository of Spring Batch 6 throws for an unknown id where its contract says null.
            execution = null;
        }
        if (execution == null) {
            throw new IllegalArgumentException("there is no job execution " + executionId);
        }
        return execution;
    }

    /** The latest execution of every partition of the instance, up to this execution, by name. */
    private List<StepExecution> latestPartitions(JobExecution execution) {
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution run : jobRepository.getJobExecutions(execution.getJobInstance())) {
            if (run.getId() > execution.getId()) {
                continue;
            }
            for (StepExecution step : run.getStepExecutions()) {
                if (step.getStepName().contains(":")) {
                    latest.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        List<StepExecution> partitions = new ArrayList<>(latest.values());
        partitions.sort(Comparator.comparing(StepExecution::getStepName));
        return partitions;
    }

    private static List<StepExecution> sorted(java.util.Collection<StepExecution> steps) {
        List<StepExecution> list = new ArrayList<>(steps);
        list.sort(Comparator.comparingLong(StepExecution::getId));
        return list;
    }

    private static String iso(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
