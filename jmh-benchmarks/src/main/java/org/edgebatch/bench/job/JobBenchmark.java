package org.edgebatch.bench.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The whole job's frame rate on 1080p footage (every frame, motion gate off) next to the rate of the same detector
 * alone on frames decoded beforehand, alternated round by round, and the job's peak RSS. The footage is rendered
 * once per length into the work folder and reused; the job itself is run by a {@link BenchedJob}.
 */
public final class JobBenchmark {

    /**
     * How the benchmark runs: seconds of footage, job / detector-alone rounds, job threads, frames per chunk, and
     * whether to run the job alone (for the peak RSS on long footage).
     */
    public record Settings(int seconds, int rounds, int threads, int chunkSize, boolean jobOnly) {

        public Settings {
            if (seconds < 1 || rounds < 1 || threads < 1 || chunkSize < 1) {
                throw new IllegalArgumentException("--seconds, --rounds, --threads and --chunk-size must be at least 1");
            }
        }
    }

    private final Settings settings;
    private final Path dataFolder;
    private final Path model;
    private final Path work;
    private final PrintWriter out;

    /**
     * @param dataFolder the folder whose {@code images/} the footage is rendered from
     * @param model      the model file, absolute
     * @param work       where the footage, the spec and the job's output go
     */
    public JobBenchmark(Settings settings, Path dataFolder, Path model, Path work, PrintWriter out) {
        this.settings = settings;
        this.dataFolder = dataFolder;
        this.model = model;
        this.work = work;
        this.out = out;
    }

    /**
     * Renders the footage unless an earlier run left it, and writes the job's spec.
     *
     * @return the spec file, for the {@link BenchedJob} to run
     * @throws IllegalArgumentException when an image the footage is made of is not one
     */
    public Path prepare() throws IOException {
        Path videos = Files.createDirectories(videos());
        Path clip = BenchFootage.clip(videos, settings.seconds());
        if (!Files.isRegularFile(clip)) {
            out.printf(Locale.ROOT, "Rendering %d s of 1080p25 footage to %s ...%n", settings.seconds(), clip);
            out.flush();
            BenchFootage.render(dataFolder, clip, settings.seconds());
        }
        return Files.writeString(work.resolve("bench-" + settings.seconds() + "s.yaml"), spec(videos));
    }

    /**
     * Runs the rounds on the footage {@link #prepare()} made, printing each round and then the medians.
     *
     * @return false when a round's job did not complete (its message printed), true otherwise
     */
    public boolean run(BenchedJob job) throws Exception {
        Path clip = BenchFootage.clip(videos(), settings.seconds());
        Rates rates = new Rates();
        long peakAfterJob = -1;
        // The detector alone is run the way the job's node runs it.
        int intraOp = job.intraOpThreads();
        int streams = job.streams();
        AloneRates alone = new AloneRates(job::runtime, clip, model);
        long expectedFrames = (long) settings.seconds() * BenchFootage.FPS;
        for (int round = 1; round <= settings.rounds(); round++) {
            // The detector alone runs half before and half after the job: this machine's speed drifts over
            // minutes, and a drift then weighs on both sides of the ratio alike.
            double aloneBefore = settings.jobOnly() ? 0 : alone.detector(expectedFrames / 2, intraOp, streams);
            BenchedJob.Round measured;
            try {
                measured = job.run();
            } catch (BenchedJob.NotCompleted e) {
                out.println(e.getMessage());
                out.flush();
                return false;
            }
            if (peakAfterJob < 0) {
                peakAfterJob = ResidentMemory.peakBytes();
            }
            rates.job.add(measured.stepFramesPerSecond());
            rates.wholeJob.add(measured.wholeJobFramesPerSecond());
            out.printf(Locale.ROOT, "round %d/%d: job %.2f fps (detect step; %.2f fps start to end of the job), %d frames",
                    round, settings.rounds(), rates.job.getLast(), rates.wholeJob.getLast(), measured.framesInferred());
            if (!settings.jobOnly()) {
                // The job's way (several inferences at once on one session) and one inference on every thread:
                // the ratio is to the faster, whichever it is.
                double aloneAfter = alone.detector(expectedFrames / 2, intraOp, streams);
                rates.alone.add((aloneBefore + aloneAfter) / 2);
                rates.oneSession.add(alone.detector(expectedFrames / 2, settings.threads(), 1));
                rates.ratios.add(rates.job.getLast() / Math.max(rates.alone.getLast(), rates.oneSession.getLast()));
                rates.decode.add(alone.decoder());
                out.printf(Locale.ROOT, ", detector alone %.2f fps as the job runs it (%.2f fps one inference on %d"
                        + " threads), ratio %.3f, decoder alone %.0f fps", rates.alone.getLast(), rates.oneSession.getLast(),
                        settings.threads(), rates.ratios.getLast(), rates.decode.getLast());
            }
            out.println();
            out.flush();
        }
        summary(rates, intraOp, streams, peakAfterJob);
        return true;
    }

    private void summary(Rates rates, int intraOp, int streams, long peakAfterJob) {
        out.println();
        out.printf(Locale.ROOT, "Model %s, %d s of 1920x1080 at 25 fps, %d threads, chunks of %d, motion gate off, every frame%n",
                model.getFileName(), settings.seconds(), settings.threads(), settings.chunkSize());
        out.printf(Locale.ROOT, "median job rate          %8.2f fps (detect step), %.2f fps (whole job)%n", median(rates.job),
                median(rates.wholeJob));
        if (!settings.jobOnly()) {
            out.printf(Locale.ROOT, "median detector alone    %8.2f fps as the job infers (%d at once, %d ONNX Runtime"
                    + " thread(s) each); %.2f fps one inference at a time on %d threads%n", median(rates.alone),
                    streams, intraOp, median(rates.oneSession), settings.threads());
            out.printf(Locale.ROOT, "median ratio job / alone %8.3f (to the faster detector-alone way; rounds %s)%n",
                    median(rates.ratios), rates.ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
            // The detector alone keeps every core busy; the job must also decode each frame on those cores.
            double cores = Runtime.getRuntime().availableProcessors();
            double best = Math.max(median(rates.alone), median(rates.oneSession));
            double bound = 1 / (1 / best + 1 / (median(rates.decode) * cores));
            out.printf(Locale.ROOT, "median decoder alone     %8.0f fps (1 decoder thread, frames scaled as the job scales them)%n",
                    median(rates.decode));
            out.printf(Locale.ROOT, "CPU bound with decoding  %8.2f fps = ratio %.3f (inference + decode work on %d cores,"
                    + " perfectly overlapped)%n", bound, bound / best, (int) cores);
        }
        out.printf(Locale.ROOT, "peak RSS after the first job: %s%n", peakAfterJob < 0 ? "unknown (no /proc)"
                : String.format(Locale.ROOT, "%.0f MiB", peakAfterJob / 1048576.0));
        out.flush();
    }

    private Path videos() {
        return work.resolve("footage-" + settings.seconds() + "s");
    }

    /** The job's spec: every frame, no motion gate, nothing but detections written. */
    private String spec(Path videos) {
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
                """.formatted(quoted(videos), quoted(model), settings.chunkSize(), settings.threads(),
                quoted(work.resolve("output")));
    }

    /** A YAML single-quoted scalar: a path is taken literally, whatever characters it holds. */
    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    private static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The per-round rates the summary takes medians of. */
    private static final class Rates {
        final List<Double> job = new ArrayList<>();
        final List<Double> wholeJob = new ArrayList<>();
        final List<Double> alone = new ArrayList<>();
        final List<Double> oneSession = new ArrayList<>();
        final List<Double> ratios = new ArrayList<>();
        final List<Double> decode = new ArrayList<>();
    }
}
