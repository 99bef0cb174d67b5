package org.edgebatch.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;

/**
 * Frames at once instead of threads per frame: {@code streams} threads each detecting one 1280x720 frame at a time on
 * one session of one intra-op thread, as the job's nodes infer by default. Small models stop scaling with threads per
 * frame long before the cores run out; this is the other way to use them.
 */
public final class ConcurrentDetections {

    private static final int WARM_UP_RUNS = 3;

    private final OrtRuntime runtime;

    public ConcurrentDetections(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    /** Frames per second of {@code frames} detections spread over {@code streams} threads. */
    public double framesPerSecond(Path model, ExecutionProvider provider, int streams, int frames) {
        if (streams < 1 || frames < streams) {
            throw new IllegalArgumentException("streams must be at least 1 and frames at least streams, not " + streams
                    + " and " + frames);
        }
        BgrImage frame = BgrImage.allocate(1280, 720);
        try (Detector detector = Detector.open(runtime, DetectorConfig.of(model).withProvider(provider).withIntraOpThreads(1))) {
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                detector.detect(frame);
            }
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int s = 0; s < streams; s++) {
                int first = s;
                threads.add(Thread.ofPlatform().name("suite-infer-" + s).start(() -> {
                    for (int i = first; i < frames; i += streams) {
                        detector.detect(frame);
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
}
