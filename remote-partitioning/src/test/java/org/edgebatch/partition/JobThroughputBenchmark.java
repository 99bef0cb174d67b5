package org.edgebatch.partition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.video.FootageRenderer;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Not a test: measures the job's frame rate on generated 1080p footage (every frame, motion gate off, 2 threads)
 * against the rate of the detector alone on the same frames, alternating the two (A B A B ...) in one process, and
 * prints the medians and their ratio. Arguments: work folder, model file, seconds of footage, rounds.
 */
public final class JobThroughputBenchmark {

    private JobThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path model = Path.of(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path videos = Files.createDirectories(dir.resolve("videos"));
        Path clip = videos.resolve("walk1080.mp4");
        if (!Files.exists(clip)) {
            TestFootage.render(TestFootage.walking(1920, 1080, 25, seconds, 1, seconds - 1).bitrate(6_000_000), clip);
        }
        List<Double> job = new ArrayList<>();
        List<Double> jobEndToEnd = new ArrayList<>();
        List<Double> jobWithoutPrefetch = new ArrayList<>();
        List<Double> inference = new ArrayList<>();
        try (EdgeBatchContext context = EdgeBatchContext.start(Files.createDirectories(dir.resolve("prefetch")));
             EdgeBatchContext plain = EdgeBatchContext.start(Files.createDirectories(dir.resolve("plain")),
                     List.of("edgebatch.prefetch-frames=0"))) {
            for (int round = 0; round < rounds; round++) {
                JobSpec spec = Specs.load(dir, "bench", """
                        name: bench
                        input: {paths: [%s]}
                        model: {path: %s}
                        events: {snapshot: false}
                        chunkSize: 16
                        threads: 2
                        output: %s
                        publish: {target: none}
                        """.formatted(videos, model, dir.resolve("out")));
                JobExecution run = context.operations().launch(spec, LaunchOptions.of("bench"));
                RunReport report = context.operations().report(run.getId());
                double wall = Duration.between(run.getStartTime(), run.getEndTime()).toNanos() / 1e9;
                job.add(report.totals().framesPerSecond());
                jobEndToEnd.add(report.totals().framesInferred() / wall);
                inference.add(inferenceOnly(clip, model, (int) report.totals().framesInferred()));
                JobExecution plainRun = plain.operations().launch(spec, LaunchOptions.of("bench"));
                jobWithoutPrefetch.add(plain.operations().report(plainRun.getId()).totals().framesPerSecond());
                if (run.getStatus() != BatchStatus.COMPLETED || plainRun.getStatus() != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("benchmark job ended " + run.getStatus() + ", " + plainRun.getStatus());
                }
                System.out.printf(Locale.ROOT, "round %d: job %.2f fps (end to end %.2f), detector alone %.2f fps,"
                        + " job without prefetch %.2f fps%n", round, job.getLast(), jobEndToEnd.getLast(), inference.getLast(),
                        jobWithoutPrefetch.getLast());
            }
        }
        double a = median(job);
        double b = median(inference);
        System.out.printf(Locale.ROOT, "median job %.2f fps (detect phase), %.2f fps (whole job); detector alone %.2f fps;"
                + " ratio %.3f (whole job %.3f)%n", a, median(jobEndToEnd), b, a / b, median(jobEndToEnd) / b);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < job.size(); i++) {
            ratios.add(job.get(i) / inference.get(i));
        }
        System.out.printf(Locale.ROOT, "median of per-round ratios %.3f; without prefetch: median %.2f fps, ratio %.3f%n",
                median(ratios), median(jobWithoutPrefetch), median(jobWithoutPrefetch) / b);
    }

    /** Frames per second of the detector alone on frames decoded (as the job decodes them) beforehand. */
    private static double inferenceOnly(Path clip, Path model, int frames) {
        try (OrtRuntime runtime = org.edgebatch.job.OrtRuntimeStarter.create();
             Detector detector = Detector.open(runtime, DetectorConfig.of(model).withIntraOpThreads(2))) {
            int width = Math.min(1920, (int) Math.ceil(1920 * Math.min((double) detector.model().input().width() / 1920,
                    (double) detector.model().input().height() / 1080)));
            List<BgrImage> images = new ArrayList<>();
            FrameReader reader = FrameReader.builder(clip).maxWidth(width).build();
            reader.open(new ExecutionContext());
            try {
                for (VideoFrame frame = reader.read(); frame != null && images.size() < 64; frame = reader.read()) {
                    images.add(frame.image());
                }
            } finally {
                reader.close();
            }
            for (int i = 0; i < 10; i++) {
                detector.detect(images.get(i % images.size()));
            }
            long start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                detector.detect(images.get(i % images.size()));
            }
            return frames / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
