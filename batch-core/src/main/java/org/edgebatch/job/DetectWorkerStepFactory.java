package org.edgebatch.job;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.edgebatch.detect.Detector;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.step.DetectProcessor;
import org.edgebatch.step.DetectionWriter;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.FrameItemReader;
import org.edgebatch.step.FrameParseException;
import org.edgebatch.step.FrameReaderCounters;
import org.edgebatch.step.InferenceAheadReader;
import org.edgebatch.step.MotionGatingReader;
import org.edgebatch.step.PendingFrame;
import org.edgebatch.step.PrefetchingFrameReader;
import org.edgebatch.step.SqlDialect;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.MotionGate;
import org.edgebatch.video.VideoFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the {@code detectWorker} step of one partition, a chunk-oriented step of {@code chunkSize} frames over the
 * partition's files in order ({@link GroupedFrameReader} when it holds several), each read by a
 * {@link FrameReader} over the video (sampling from the spec, decoded straight to the model's scale; its
 * position kept in the partition's ExecutionContext by {@link FrameItemReader}; ahead of inference on a thread of its
 * own when the node infers one frame at a time and {@code prefetchFrames} is not 0),
 * judged by the partition's {@link MotionGate}
 * as read ({@link MotionGatingReader}), inferred as read, up to two frames per inference thread ahead, on the node's
 * shared detector and threads ({@link InferenceAheadReader}) →
 * {@link DetectProcessor} (waits for a frame's detections and maps them to the decoded frame) →
 * {@link DetectionWriter}. An undecodable frame ({@link FrameParseException}) is skipped, counted and logged with its
 * index; any other read error (the file cannot be opened, is truncated) fails the partition with a message naming the
 * file.
 */
public final class DetectWorkerStepFactory implements WorkerStepFactory {

    public static final String STEP_NAME = "detectWorker";

    private static final Logger log = LoggerFactory.getLogger(DetectWorkerStepFactory.class);

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final JobSpecStore specs;
    private final NodeDetectors detectors;
    private final int decoderThreads;
    private final int prefetchFrames;
    private final List<DetectWorkerCustomizer> customizers;

    public DetectWorkerStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   JdbcTemplate jdbc, SqlDialect dialect, JobSpecStore specs, NodeDetectors detectors,
                                   int decoderThreads, int prefetchFrames, List<DetectWorkerCustomizer> customizers) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.detectors = Objects.requireNonNull(detectors, "detectors must not be null");
        this.decoderThreads = decoderThreads;
        this.prefetchFrames = prefetchFrames;
        this.customizers = List.copyOf(customizers);
    }

    @Override
    public String stepName() {
        return STEP_NAME;
    }

    @Override
    public Step create(StepExecution partition) {
        List<PlannedVideo> videos = new PartitionFiles(jdbc).of(partition);
        PlannedVideo first = videos.getFirst();
        long jobInstanceId = partition.getJobExecution().getJobInstance().getInstanceId();
        JobSpec spec = specs.load(jobInstanceId);
        NodeInference inference = detectors.get(partition.getJobExecutionId(), first.nodeId(), spec);
        Detector detector = inference.detector();
        DetectionWriter writer = new DetectionWriter(jdbc, dialect, jobInstanceId, partition.getId(), first.nodeId());

        ItemStreamReader<PendingFrame> frames;
        Supplier<FrameReader.ReadStatistics> statistics;
        Supplier<PlannedVideo> reading;
        if (videos.size() == 1) {
            GroupedFrameReader.FileReader only = fileReader(first, spec, inference);
            frames = only.reader();
            statistics = only.statistics();
            reading = () -> first;
        } else {
            GroupedFrameReader grouped = new GroupedFrameReader(videos, video -> fileReader(video, spec, inference));
            frames = grouped;
            statistics = grouped::statistics;
            reading = grouped::video;
        }
        ChunkOrientedStepBuilder<PendingFrame, FrameDetections> builder =
                new ChunkOrientedStepBuilder<PendingFrame, FrameDetections>(STEP_NAME, jobRepository, spec.chunkSize())
                        .transactionManager(transactionManager)
                        .reader(frames)
                        .processor(new DetectProcessor())
                        .writer(writer)
                        .stream(new FrameReaderCounters(statistics))
                        .faultTolerant()
                        .skipPolicy((failure, skipped) -> failure instanceof FrameParseException)
                        .skipListener(new UndecodableFrameLog(reading));
        customizers.forEach(customizer -> customizer.customize(builder, first));
        return builder.build();
    }

    /**
     * What reads one file: its decoder (sampling from the spec, decoded straight to the model's scale), decoding ahead
     * when the node infers one frame at a time, its own motion gate, and inference ahead on the node's threads.
     */
    private GroupedFrameReader.FileReader fileReader(PlannedVideo video, JobSpec spec, NodeInference inference) {
        Detector detector = inference.detector();
        FrameReader reader = FrameReader.builder(video.path())
                .videoId(video.videoId())
                .sampling(SpecMappings.sampling(spec.sampling()))
                .maxWidth(detector.model().input().decodeWidth(video.width(), video.height()))
                .decoderThreads(decoderThreads)
                .build();
        MotionGate gate = spec.motion().enabled() ? new MotionGate(SpecMappings.motion(spec.motion())) : null;

        FrameItemReader positioned = new FrameItemReader(reader);
        ItemStreamReader<VideoFrame> frames = positioned;
        Supplier<FrameReader.ReadStatistics> statistics = reader::statistics;
        // Inferring several frames at once, the inference threads are busy while this thread decodes: a decoding thread
        // of its own would only compete with them.
        if (prefetchFrames > 0 && inference.streams() == 1) {
            PrefetchingFrameReader prefetching = new PrefetchingFrameReader(positioned, prefetchFrames);
            frames = prefetching;
            statistics = prefetching::statistics;
        }
        // Two frames per inference thread in flight: each thread has its next frame waiting when it finishes one.
        int window = inference.streams() == 1 ? 1 : 2 * inference.streams();
        return new GroupedFrameReader.FileReader(new InferenceAheadReader(new MotionGatingReader(frames, gate), detector,
                inference.executor(), window), statistics);
    }

    /** Logs each skipped frame with its index, so a damaged file can be looked at. */
    private record UndecodableFrameLog(Supplier<PlannedVideo> reading) implements SkipListener<PendingFrame, FrameDetections> {
        @Override
        public void onSkipInRead(Throwable failure) {
            if (failure instanceof FrameParseException undecodable) {
                PlannedVideo video = reading.get();
                log.warn("{} ({}): frame {} skipped: {}", video.path(), video.partitionName(), undecodable.frameIndex(),
                        undecodable.getMessage());
            }
        }
    }
}
