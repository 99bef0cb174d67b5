package org.edgebatch.partition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.job.JobExecution;

/**
 * Not a test: runs the job once on generated 1080p footage of the given length, then prints the process's peak
 * resident memory (VmHWM). Run it in a fresh JVM per length. Arguments: work folder, model, seconds, sampling fps.
 */
public final class JobMemoryProbe {

    private JobMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path model = Path.of(args[1]);
        double seconds = Double.parseDouble(args[2]);
        String fps = args[3];
        Path videos = Files.createDirectories(dir.resolve("videos-" + (int) seconds));
        Path clip = videos.resolve("walk1080-" + (int) seconds + ".mp4");
        if (!Files.exists(clip)) {
            TestFootage.render(TestFootage.walking(1920, 1080, 15, seconds, 5, seconds - 5).bitrate(4_000_000), clip);
            System.out.println("rendered " + clip + " (" + Files.size(clip) + " bytes); peak so far " + peak());
        }
        long start = System.nanoTime();
        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {
            JobSpec spec = Specs.load(dir, "memory", """
                    name: memory
                    input: {paths: [%s]}
                    model: {path: %s}
                    sampling: {fps: %s}
                    chunkSize: 16
                    threads: 2
                    output: %s
                    publish: {target: none}
                    """.formatted(videos, model, fps, dir.resolve("out")));
            JobExecution run = context.operations().launch(spec, LaunchOptions.of("memory"));
            System.out.println(context.operations().summary(run.getId()));
        }
        System.out.printf(Locale.ROOT, "%.0f s of 1080p: %s, peak RSS %s, %.0f s%n", seconds, "done", peak(), (System.nanoTime() - start) / 1e9);
    }

    private static String peak() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("?");
    }
}
