package org.edgebatch.job;

import java.util.Objects;
import org.edgebatch.spec.PublishSpec;
import org.edgebatch.publish.Publishers;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.report.RunReportWriter;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the {@code videoInference} job of one spec (named after it): {@code inventory} → {@code detect} (partitioned
 * by node and video) → {@code events} (partitioned the same way) → {@code publish} (partitioned by node, since each
 * node sends the files on its own disk; unless the target is {@code none}). Chunk size, sampling, motion gate, event rules and publishing all come from the spec, so the job is
 * built per spec rather than declared once; a restart builds it again from the spec stored with the instance.
 */
public final class VideoInferenceJobFactory {

    public static final String INVENTORY_STEP = "inventory";
    public static final String DETECT_STEP = "detect";
    public static final String EVENTS_STEP = "events";
    public static final String PUBLISH_STEP = "publish";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final PartitionStepFactory partitions;
    private final InventoryPlanner planner;
    private final ProcessedFiles processed;
    private final VideoTable videos;
    private final JobSpecStore specs;
    private final ProcessHeartbeat heartbeat;
    private final NodeDetectors detectors;
    private final RunReportBuilder reports;
    private final RunReportWriter reportWriter;
    private final Publishers publishers;

    public VideoInferenceJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    PartitionStepFactory partitions, InventoryPlanner planner, ProcessedFiles processed,
                                    VideoTable videos, JobSpecStore specs, ProcessHeartbeat heartbeat,
                                    NodeDetectors detectors, RunReportBuilder reports, RunReportWriter reportWriter,
                                    Publishers publishers) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
        this.partitions = Objects.requireNonNull(partitions, "partitions must not be null");
        this.planner = Objects.requireNonNull(planner, "planner must not be null");
        this.processed = Objects.requireNonNull(processed, "processed must not be null");
        this.videos = Objects.requireNonNull(videos, "videos must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat must not be null");
        this.detectors = Objects.requireNonNull(detectors, "detectors must not be null");
        this.reports = Objects.requireNonNull(reports, "reports must not be null");
        this.reportWriter = Objects.requireNonNull(reportWriter, "reportWriter must not be null");
        this.publishers = Objects.requireNonNull(publishers, "publishers must not be null");
    }

    /**
     * The job of {@code spec}.
     *
     * @param specSource where the spec came from (a file name, "command line"), stored with the instance
     */
    public Job build(JobSpec spec, String specSource) {
        return build(spec, specSource, new JobExecutionListener() {
        });
    }

    /** The job of {@code spec}, with one more listener (e.g. one that learns the execution's id as it starts). */
    public Job build(JobSpec spec, String specSource, JobExecutionListener extra) {
        Step inventory = new StepBuilder(INVENTORY_STEP, jobRepository)
                .tasklet(new InventoryTasklet(spec, planner, processed, videos), transactionManager)
                .build();
        SimpleJobBuilder job = new JobBuilder(spec.name(), jobRepository)
                .listener(new JobRunListener(spec, specSource, specs, heartbeat, detectors, reports, reportWriter))
                .listener(extra)
                .start(inventory)
                .next(partitions.partitionedStep(DETECT_STEP, DetectWorkerStepFactory.STEP_NAME, spec, PartitionGrain.VIDEO))
                .next(partitions.partitionedStep(EVENTS_STEP, EventsWorkerStepFactory.STEP_NAME, spec, PartitionGrain.VIDEO));
        if (spec.publish().scheme() != PublishSpec.Scheme.NONE) {
            job.next(partitions.partitionedStep(PUBLISH_STEP, PublishWorkerStepFactory.STEP_NAME, spec, PartitionGrain.NODE));
        }
        return job.build();
    }
}
