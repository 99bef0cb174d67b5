package org.edgebatch.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reports what a video file is without decoding it. Uses the same opener as the {@link FrameReader},
 * so a file the probe accepts is one the reader can read, with the same frame rate and count.
 */
public final class VideoProbe {

    private VideoProbe() {
    }

    /** Threads {@link #probeAll(List)} probes with: a few, as opening a file is mostly waiting for the disk. */
    public static final int PROBE_THREADS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);

    /** What probing one file found: its info, or why it is no readable video. */
    public record Probed(Path file, VideoInfo info, VideoFormatException failure) {

        /** The info; the failure thrown when there is none. */
        public VideoInfo infoOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return info;
        }
    }

    /** Container, codec, size, fps, frame count, duration and bytes of {@code file}; {@link VideoFormatException} if it is no readable video. */
    public static VideoInfo probe(Path file) {
        try (VideoContainer container = VideoContainer.open(file)) {
            return container.info();
        }
    }

    /**
     * Probes files on a few threads at once ({@link #PROBE_THREADS}: the processors, 2 to 4), results in the order
     * given: the inventory of a folder of thousands of short segments is mostly the time to open each.
     */
    public static List<Probed> probeAll(List<Path> files) {
        if (files.size() < 2) {
            return files.stream().map(VideoProbe::probeOne).toList();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PROBE_THREADS, files.size()),
                Thread.ofPlatform().daemon().name("edgebatch-probe-", 0).factory())) {
            List<Future<Probed>> futures = new ArrayList<>(files.size());
            for (Path file : files) {
                futures.add(pool.submit(() -> probeOne(file)));
            }
            List<Probed> probed = new ArrayList<>(files.size());
            for (Future<Probed> future : futures) {
                probed.add(future.get());
            }
            return probed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + files.size() + " files", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("probing failed: " + e.getCause(), e.getCause());
        }
    }

    private static Probed probeOne(Path file) {
        try {
            return new Probed(file, probe(file), null);
        } catch (VideoFormatException e) {
            return new Probed(file, null, e);
        }
    }
}
