package org.edgebatch.job;

import java.util.List;
import java.util.Objects;
import org.edgebatch.detect.DetectionPainter;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.publish.Outbox;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.step.SnapshotRenderer;
import org.edgebatch.video.ClipWriter;
import org.edgebatch.video.FrameExtractor;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds the {@code eventsWorker} step of one partition: an {@link EventsTasklet} over the partition's videos, in order. */
public final class EventsWorkerStepFactory implements WorkerStepFactory {

    public static final String STEP_NAME = "eventsWorker";

    private static final float SNAPSHOT_QUALITY = 0.9f;
    private static final int CLIP_BITRATE = 2_000_000;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JobSpecStore specs;
    private final EventStore events;
    private final Outbox outbox;
    private final ProcessedFiles processed;
    private final int decoderThreads;
    private final OutputLayout layout;
    private final PartitionFiles files;

    public EventsWorkerStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   JobSpecStore specs, EventStore events, Outbox outbox, ProcessedFiles processed,
                                   int decoderThreads, OutputLayout layout, PartitionFiles files) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.events = Objects.requireNonNull(events, "events must not be null");
        this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
        this.processed = Objects.requireNonNull(processed, "processed must not be null");
        this.decoderThreads = decoderThreads;
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        this.files = Objects.requireNonNull(files, "files must not be null");
    }

    @Override
    public String stepName() {
        return STEP_NAME;
    }

    @Override
    public Step create(StepExecution partition) {
        List<PlannedVideo> videos = files.of(partition);
        JobSpec spec = specs.load(partition.getJobExecution().getJobInstance().getInstanceId());
        EventsTasklet tasklet = new EventsTasklet(spec, videos, events, outbox, processed,
                new SnapshotRenderer(new FrameExtractor(decoderThreads), new DetectionPainter(), SNAPSHOT_QUALITY),
                new ClipWriter(decoderThreads, CLIP_BITRATE), layout);
        return new StepBuilder(STEP_NAME, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
