package org.edgebatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.Labels;
import org.edgebatch.publish.Publishers;
import org.edgebatch.publish.Sha256;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Launches, restarts and stops video inference jobs: a spec is validated completely before a job instance exists; a
 * restart is rebuilt from the spec stored with the instance, after the mode's {@link ExecutionRecovery} made its last
 * execution restartable. Each comes in two forms: run to the end in the calling thread, or started in the background
 * as a {@link JobRun} whose progress the caller follows.
 */
public final class VideoJobOperator {

    /** Identifying job parameters: the spec's name and a number new for every launch. */
    public static final String SPEC_NAME = "spec.name";
    public static final String RUN_ID = "run.id";
    /** Non-identifying: the SHA-256 of the model file as the manager read it; workers refuse a model that differs. */
    public static final String MODEL_SHA256 = "model.sha256";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final VideoInferenceJobFactory jobs;
    private final InventoryPlanner planner;
    private final ProcessedFiles processed;
    private final DetectorFactory detectorFactory;
    private final JobSpecStore specs;
    private final ExecutionRecovery recovery;
    private final Executor background;
    private final Publishers publishers;

    public VideoJobOperator(JobOperator jobOperator, JobRepository jobRepository, VideoInferenceJobFactory jobs,
                            InventoryPlanner planner, ProcessedFiles processed, DetectorFactory detectorFactory,
                            JobSpecStore specs, ExecutionRecovery recovery, Executor background, Publishers publishers) {
        this.jobOperator = Objects.requireNonNull(jobOperator, "jobOperator must not be null");
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.jobs = Objects.requireNonNull(jobs, "jobs must not be null");
        this.planner = Objects.requireNonNull(planner, "planner must not be null");
        this.processed = Objects.requireNonNull(processed, "processed must not be null");
        this.detectorFactory = Objects.requireNonNull(detectorFactory, "detectorFactory must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.recovery = Objects.requireNonNull(recovery, "recovery must not be null");
        this.background = Objects.requireNonNull(background, "background must not be null");
        this.publishers = Objects.requireNonNull(publishers, "publishers must not be null");
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
            publishers.check(spec.publish());
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
        Labels labels;
        try (Detector detector = detectorFactory.open(spec)) {
            // Opening is the check: ONNX Runtime reads the whole model and the detector checks its input and output.
            labels = detector.model().labels();
        } catch (RuntimeException e) {
            throw new LaunchRefusedException("model " + model + " cannot be used: " + e.getMessage(), e);
        }
        checkRedactedClasses(spec, labels);
    }

    /** A redacted class the model does not know would never be found, and its boxes would leave the node as they are. */
    private static void checkRedactedClasses(JobSpec spec, Labels labels) {
        List<String> redact = spec.events().redact();
        for (int i = 0; i < redact.size(); i++) {
            String wanted = redact.get(i).strip();
            if (labels.names().stream().noneMatch(wanted::equalsIgnoreCase)) {
                throw new LaunchRefusedException("events.redact[" + i + "] names '" + wanted + "', which model "
                        + spec.model().path().getFileName() + " does not detect; its classes: " + String.join(", ", labels.names()));
            }
        }
    }

    /** Validates and runs the spec to its end in this thread; see {@link #start}. */
    public JobExecution launch(JobSpec spec, LaunchOptions options) {
        VideoPlan plan = validate(spec, options);
        return launchPlanned(spec, options, plan, new JobExecutionListener() {
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
        return Optional.of(inBackground(started -> launchPlanned(spec, options, plan, started)));
    }

    private JobExecution launchPlanned(JobSpec spec, LaunchOptions options, VideoPlan plan, JobExecutionListener extra) {
        Job job = jobs.build(spec, options.specSource(), extra);
        JobParameters parameters = new JobParametersBuilder()
                .addString(SPEC_NAME, spec.name())
                .addLong(RUN_ID, System.currentTimeMillis())
                .addLong("plan.videos", (long) plan.videos().size(), false)
                .addString(InventoryTasklet.ONLY_NEW_OR_CHANGED, Boolean.toString(options.onlyNewOrChanged()), false)
                .addString(MODEL_SHA256, modelHash(spec), false)
                .toJobParameters();
        try {
            return jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new LaunchRefusedException("job " + spec.name() + " could not be started: " + e.getMessage(), e);
        }
    }

    private static String modelHash(JobSpec spec) {
        try {
            return Sha256.of(spec.model().path());
        } catch (IOException e) {
            throw new LaunchRefusedException("model " + spec.model().path() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the unfinished part of an execution's job instance again, in this thread: the job is rebuilt from the spec
     * stored with the instance; completed partitions are not run again, unfinished ones resume after their last
     * committed chunk. An execution left running by a process (or worker) that is gone is marked FAILED first.
     *
     * @throws LaunchRefusedException when it cannot be restarted now (a live process still runs it; it completed)
     * @throws IllegalArgumentException when there is no such execution
     */
    public JobExecution restart(long executionId) {
        PreparedRestart prepared = prepareRestart(executionId);
        return restartPrepared(prepared, new JobExecutionListener() {
        });
    }

    /**
     * Checks and prepares a restart in this thread as {@link #restart} does (refusals are thrown here), then runs it in
     * the background, so the caller can follow the new execution's progress.
     */
    public JobRun startRestart(long executionId) {
        PreparedRestart prepared = prepareRestart(executionId);
        return inBackground(started -> restartPrepared(prepared, started));
    }

    private PreparedRestart prepareRestart(long executionId) {
        JobExecution execution = Executions.find(jobRepository, executionId);
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != executionId) {
            execution = last;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new LaunchRefusedException("execution " + execution.getId() + " of job " + execution.getJobInstance().getJobName()
                    + " has completed; there is nothing to restart");
        }
        recovery.prepare(execution);
        long instanceId = execution.getJobInstance().getInstanceId();
        // Read again: recovery may have changed its status.
        JobExecution recovered = Executions.find(jobRepository, execution.getId());
        return new PreparedRestart(recovered, specs.load(instanceId), specs.source(instanceId).orElse(null));
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
        JobExecution execution = Executions.find(jobRepository, executionId);
        try {
            jobOperator.stop(execution);
        } catch (Exception e) {
            throw new LaunchRefusedException("execution " + executionId + " cannot be stopped: it is " + execution.getStatus(), e);
        }
        return Executions.find(jobRepository, executionId);
    }

    /**
     * Runs a launch in the background; the returned run learns the execution's id as soon as the job starts (from a
     * listener handed to {@code launch}), or the failure that kept it from starting.
     */
    private JobRun inBackground(Function<JobExecutionListener, JobExecution> launch) {
        CompletableFuture<Long> executionId = new CompletableFuture<>();
        JobExecutionListener started = new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                executionId.complete(execution.getId());
            }
        };
        CompletableFuture<JobExecution> completion = CompletableFuture.supplyAsync(() -> launch.apply(started), background);
        completion.whenComplete((execution, failure) -> {
            if (failure != null) {
                executionId.completeExceptionally(failure);
            } else {
                executionId.complete(execution.getId());
            }
        });
        return new JobRun(executionId, completion);
    }
}
