package org.edgebatch.bench.flops;

import java.nio.file.Path;
import java.util.Arrays;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;

/**
 * Times one model's detection on a 1280×720 frame (letterbox, inference and decoding, as the job runs it) and relates
 * the median to the model's FLOPs: the achieved GFLOP/s and the share of the CPU's ceiling.
 */
public final class FlopBenchmark {

    private static final int WARM_UP_RUNS = 3;

    private final OrtRuntime runtime;

    public FlopBenchmark(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    /** {@code runs} timed detections (after a few untimed ones) at {@code threads} intra-op threads. */
    public FlopRate measure(Path model, FlopCount count, int threads, int runs, double ceilingGflops) {
        return measure(model, ExecutionProvider.CPU, count, threads, runs, ceilingGflops);
    }

    /** As {@link #measure(Path, FlopCount, int, int, double)}, on another execution provider. */
    public FlopRate measure(Path model, ExecutionProvider provider, FlopCount count, int threads, int runs, double ceilingGflops) {
        if (runs < 1 || threads < 1) {
            throw new IllegalArgumentException("runs and threads must be at least 1, not " + runs + " and " + threads);
        }
        BgrImage frame = BgrImage.allocate(1280, 720); // content does not change a convolution's cost
        double[] millis = new double[runs];
        try (Detector detector = Detector.open(runtime, DetectorConfig.of(model).withProvider(provider).withIntraOpThreads(threads))) {
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                detector.detect(frame);
            }
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                detector.detect(frame);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        double median = runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
        String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        return FlopRate.of(name, count, threads, median, ceilingGflops);
    }
}
