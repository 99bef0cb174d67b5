package org.edgebatch.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.job.DetectorFactory;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.video.FootageRenderer;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch bench job}: the whole job's frame rate on 1080p footage (every frame, motion gate off) next to the
 * rate of the same detector alone on frames decoded beforehand, alternated round by round, and the job's peak RSS.
 */
@Command(name = "job", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Runs the video inference job (every frame, motion gate off, no snapshots, nothing published) on"
                + " generated 1920x1080 footage, then the same detector alone on frames of that footage decoded into"
                + " memory beforehand, for the same number of frames, both the way the job infers (--threads frames at"
                + " once, edgebatch.intra-op-threads ONNX Runtime threads each) and one inference at a time on all"
                + " --threads; repeats for --rounds and prints the medians, the median of the per-round ratios job /"
                + " the faster detector alone (which runs half before and half after each job), and the peak resident"
                + " memory of this process after the first job (of the job alone with --job-only).",
                "The footage is rendered once per length into --work and reused."})
final class BenchJobCommand implements Callable<Integer> {

    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final int FPS = 25;
    private static final int SAMPLE_FRAMES = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (models/, images/); default $EDGEBATCH_DATA, else ../shared/data.")
    Path data;

    @Option(names = "--model", paramLabel = "PATH", description = "The model (default: <data>/models/yolov5n_coco_fp16.onnx).")
    Path model;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of the footage in seconds, at 25 fps (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Job / detector-alone rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", defaultValue = "2", description = "Job threads and the detector's intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--chunk-size", defaultValue = "16", description = "Frames per chunk (one transaction each) (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--job-only", description = "Run the job only, without the detector-alone comparison (for the peak RSS on long footage).")
    boolean jobOnly;

    @Option(names = "--work", paramLabel = "DIR", description = "Footage, job repository and outputs (default: ~/.edgebatch/bench).")
    Path work;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (seconds < 1 || rounds < 1 || threads < 1 || chunkSize < 1) {
            throw new CommandRefusal("--seconds, --rounds, --threads and --chunk-size must be at least 1");
        }
        FfmpegLogLevel.apply();
        PrintWriter out = commandSpec.commandLine().getOut();
        DemoData folder = DemoData.locate(data, System.getenv("EDGEBATCH_DATA"), System.getProperty("edgebatch.home"));
        Path modelFile = (model != null ? model : folder.model().orElseThrow(() -> new CommandRefusal(
                "no YOLOv5 model in " + folder.models() + "; pass --model"))).toAbsolutePath();
        if (!Files.isRegularFile(modelFile)) {
            throw new CommandRefusal("model " + modelFile + " does not exist");
        }
        Path dir = (work != null ? work : JobSpec.edgebatchHome().resolve("bench")).toAbsolutePath().normalize();
        Path videos = Files.createDirectories(dir.resolve("footage-" + seconds + "s"));
        Path clip = videos.resolve("walk-1080p25-" + seconds + "s.mp4");
        if (!Files.isRegularFile(clip)) {
            out.printf(Locale.ROOT, "Rendering %d s of 1080p25 footage to %s ...%n", seconds, clip);
            out.flush();
            render(folder, clip);
        }
        Path specFile = Files.writeString(dir.resolve("bench-" + seconds + "s.yaml"), spec(videos, modelFile, dir));
        JobSpec spec = new JobSpecLoader().load(specFile);
        List<Double> jobRates = new ArrayList<>();
        List<Double> wholeJobRates = new ArrayList<>();
        List<Double> aloneRates = new ArrayList<>();
        List<Double> oneSessionRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> decodeRates = new ArrayList<>();
        long peakAfterJob = -1;
        int intraOp;
        int streams;
        try (JobSession session = JobSession.open(JobSpec.h2FileDatabase(dir.resolve("db").resolve("edgebatch")),
                commandSpec.commandLine().getErr())) {
            // The detector alone is run the way the job's node runs it.
            DetectorFactory layout = session.bean(DetectorFactory.class);
            intraOp = layout.intraOpThreads(spec);
            streams = layout.streams(spec);
            long expectedFrames = (long) seconds * FPS;
            for (int round = 1; round <= rounds; round++) {
                // The detector alone runs half before and half after the job: this machine's speed drifts over
                // minutes, and a drift then weighs on both sides of the ratio alike.
                double aloneBefore = jobOnly ? 0 : detectorAlone(session.bean(OrtRuntime.class), clip, modelFile,
                        expectedFrames / 2, intraOp, streams);
                JobRun run = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow();
                JobExecution execution = session.follow(run, ProgressMonitor.Mode.NONE);
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    out.println("The job ended " + execution.getStatus() + "; see: edgebatch status " + execution.getId()
                            + " --db " + session.databaseUrl());
                    out.flush();
                    return ExitCodes.NOT_COMPLETED;
                }
                if (peakAfterJob < 0) {
                    peakAfterJob = ResidentMemory.peakBytes();
                }
                RunReport report = session.executions().report(execution.getId());
                double wall = Duration.between(execution.getStartTime(), execution.getEndTime()).toNanos() / 1e9;
                long frames = report.totals().framesInferred();
                jobRates.add(report.totals().framesPerSecond());
                wholeJobRates.add(frames / wall);
                out.printf(Locale.ROOT, "round %d/%d: job %.2f fps (detect step; %.2f fps start to end of the job), %d frames",
                        round, rounds, jobRates.getLast(), wholeJobRates.getLast(), frames);
                if (!jobOnly) {
                    OrtRuntime runtime = session.bean(OrtRuntime.class);
                    // The job's way (several inferences at once on one session) and one inference on every thread:
                    // the ratio is to the faster, whichever it is.
                    double aloneAfter = detectorAlone(runtime, clip, modelFile, expectedFrames / 2, intraOp, streams);
                    aloneRates.add((aloneBefore + aloneAfter) / 2);
                    oneSessionRates.add(detectorAlone(runtime, clip, modelFile, expectedFrames / 2, threads, 1));
                    ratios.add(jobRates.getLast() / Math.max(aloneRates.getLast(), oneSessionRates.getLast()));
                    decodeRates.add(decoderAlone(clip, modelFile, session.bean(OrtRuntime.class)));
                    out.printf(Locale.ROOT, ", detector alone %.2f fps as the job runs it (%.2f fps one inference on %d"
                            + " threads), ratio %.3f, decoder alone %.0f fps", aloneRates.getLast(), oneSessionRates.getLast(),
                            threads, ratios.getLast(), decodeRates.getLast());
                }
                out.println();
                out.flush();
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Model %s, %d s of 1920x1080 at 25 fps, %d threads, chunks of %d, motion gate off, every frame%n",
                modelFile.getFileName(), seconds, threads, chunkSize);
        out.printf(Locale.ROOT, "median job rate          %8.2f fps (detect step), %.2f fps (whole job)%n", median(jobRates),
                median(wholeJobRates));
        if (!jobOnly) {
            out.printf(Locale.ROOT, "median detector alone    %8.2f fps as the job infers (%d at once, %d ONNX Runtime"
                    + " thread(s) each); %.2f fps one inference at a time on %d threads%n", median(aloneRates),
                    streams, intraOp,
                    median(oneSessionRates), threads);
            out.printf(Locale.ROOT, "median ratio job / alone %8.3f (to the faster detector-alone way; rounds %s)%n", median(ratios),
                    ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
            // The detector alone keeps every core busy; the job must also decode each frame on those cores.
            double cores = Runtime.getRuntime().availableProcessors();
            double best = Math.max(median(aloneRates), median(oneSessionRates));
            double bound = 1 / (1 / best + 1 / (median(decodeRates) * cores));
            out.printf(Locale.ROOT, "median decoder alone     %8.0f fps (1 decoder thread, frames scaled as the job scales them)%n",
                    median(decodeRates));
            out.printf(Locale.ROOT, "CPU bound with decoding  %8.2f fps = ratio %.3f (inference + decode work on %d cores,"
                    + " perfectly overlapped)%n", bound, bound / best, (int) cores);
        }
        out.printf(Locale.ROOT, "peak RSS after the first job: %s%n", peakAfterJob < 0 ? "unknown (no /proc)"
                : String.format(Locale.ROOT, "%.0f MiB", peakAfterJob / 1048576.0));
        out.flush();
        return ExitCodes.COMPLETED;
    }

    /**
     * Frames per second of the detector alone, on frames decoded the way the job decodes them, read from memory:
     * {@code streams} threads each inferring one frame at a time on one session of {@code intraOpThreads} threads.
     */
    private double detectorAlone(OrtRuntime runtime, Path clip, Path modelFile, long frames, int intraOpThreads, int streams) {
        DetectorConfig config = DetectorConfig.of(modelFile).withIntraOpThreads(intraOpThreads);
        try (Detector detector = Detector.open(runtime, config)) {
            List<BgrImage> images = new ArrayList<>();
            FrameReader reader = FrameReader.builder(clip).maxWidth(detector.model().input().decodeWidth(WIDTH, HEIGHT)).build();
            reader.open(new ExecutionContext());
            try {
                for (VideoFrame frame = reader.read(); frame != null && images.size() < SAMPLE_FRAMES; frame = reader.read()) {
                    images.add(frame.image().copy());
                }
            } finally {
                reader.close();
            }
            for (int i = 0; i < 10; i++) {
                detector.detect(images.get(i % images.size()));
            }
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int s = 0; s < streams; s++) {
                int first = s;
                threads.add(Thread.ofPlatform().name("bench-infer-" + s).start(() -> {
                    for (long i = first; i < frames; i += streams) {
                        detector.detect(images.get((int) (i % images.size())));
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return frames / ((System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Frames per second of decoding alone, one decoder thread, frames scaled as the job scales them. */
    private static double decoderAlone(Path clip, Path modelFile, OrtRuntime runtime) {
        int maxWidth;
        try (Detector detector = Detector.open(runtime, DetectorConfig.of(modelFile))) {
            maxWidth = detector.model().input().decodeWidth(WIDTH, HEIGHT);
        }
        FrameReader reader = FrameReader.builder(clip).maxWidth(maxWidth).decoderThreads(1).build();
        reader.open(new ExecutionContext());
        try {
            long start = System.nanoTime();
            int frames = 0;
            while (frames < 30 * FPS && reader.read() != null) {
                frames++;
            }
            return frames / ((System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        } finally {
            reader.close();
        }
    }


    private String spec(Path videos, Path modelFile, Path dir) {
        return """
                # Written by 'edgebatch bench job': every frame, no motion gate, nothing but detections written.
                name: bench
                input:
                  paths: [%s]
                model:
                  path: %s
                motion:
                  enabled: false
                events:
                  snapshot: false
                publish:
                  target: none
                chunkSize: %d
                threads: %d
                output: %s
                """.formatted(JsonOutput.line(videos.toString()), JsonOutput.line(modelFile.toString()), chunkSize, threads,
                JsonOutput.line(dir.resolve("output").toString()));
    }

    /** Bus-stop scenery with a person walking across it the whole time: real shapes for the model, motion everywhere. */
    private void render(DemoData folder, Path clip) throws IOException {
        BufferedImage background = image(folder.folder().resolve("images").resolve("bus.jpg"));
        BufferedImage zidane = image(folder.folder().resolve("images").resolve("zidane.jpg"));
        BufferedImage person = FootageRenderer.Sprite.crop(zidane, 700, 40, 460, 680);
        Path partial = clip.resolveSibling(clip.getFileName() + ".part");
        FootageRenderer.builder().size(WIDTH, HEIGHT).fps(FPS).durationSeconds(seconds).bitrate(6_000_000).gop(FPS * 2)
                .background(background)
                .sprite(new FootageRenderer.Sprite(person, 40, 300, WIDTH - person.getWidth() - 40, 300, 0, seconds))
                .build().render(partial);
        Files.move(partial, clip);
    }

    private static BufferedImage image(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new CommandRefusal(file + " is not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to render bench footage", e);
        }
    }

    private static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
