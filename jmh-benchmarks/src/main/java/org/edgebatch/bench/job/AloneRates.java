package org.edgebatch.bench.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.VideoFrame;

/**
 * What the job's parts do alone on the benchmark's footage: the detector on frames decoded beforehand into memory,
 * and the decoder without inference. Frames are scaled as the job's reader scales them for the model.
 */
final class AloneRates {

    private static final int SAMPLE_FRAMES = 64;
    private static final int DECODED_SECONDS = 30;

    private final Supplier<OrtRuntime> runtime;
    private final Path clip;
    private final Path model;

    /** @param runtime asked for only when something is measured, so a job-only benchmark makes none of its own */
    AloneRates(Supplier<OrtRuntime> runtime, Path clip, Path model) {
        this.runtime = runtime;
        this.clip = clip;
        this.model = model;
    }

    /**
     * Frames per second of the detector alone: {@code streams} threads each inferring one frame at a time on one
     * session of {@code intraOpThreads} threads, {@code frames} frames in all.
     */
    double detector(long frames, int intraOpThreads, int streams) {
        DetectorConfig config = DetectorConfig.of(model).withIntraOpThreads(intraOpThreads);
        try (Detector detector = Detector.open(runtime.get(), config)) {
            List<BgrImage> images = new ArrayList<>();
            try (FrameReader reader = FrameReader.builder(clip)
                    .maxWidth(detector.model().input().decodeWidth(BenchFootage.WIDTH, BenchFootage.HEIGHT)).open()) {
                for (VideoFrame frame = reader.read(); frame != null && images.size() < SAMPLE_FRAMES; frame = reader.read()) {
                    images.add(frame.image().copy());
                }
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

    /** Frames per second of decoding alone on one decoder thread, over at most the first 30 s of the clip. */
    double decoder() {
        int maxWidth;
        try (Detector detector = Detector.open(runtime.get(), DetectorConfig.of(model))) {
            maxWidth = detector.model().input().decodeWidth(BenchFootage.WIDTH, BenchFootage.HEIGHT);
        }
        try (FrameReader reader = FrameReader.builder(clip).maxWidth(maxWidth).decoderThreads(1).open()) {
            long start = System.nanoTime();
            int frames = 0;
            while (frames < DECODED_SECONDS * BenchFootage.FPS && reader.read() != null) {
                frames++;
            }
            return frames / ((System.nanoTime() - start) / 1e9);
        }
    }
}
