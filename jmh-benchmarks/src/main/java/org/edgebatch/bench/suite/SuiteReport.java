package org.edgebatch.bench.suite;

import java.util.List;

/**
 * What {@code bench suite} measured on one machine, as its JSON holds it ({@code suite.schema.json} beside this class
 * describes it; {@link #VERSION} is raised whenever a field changes). Rates are medians over the runs made.
 *
 * @param machine the name the comparison shows this machine under (the host name unless given)
 * @param ceiling the CPU's fp32 FLOP ceiling, or null where it is not knowable
 */
public record SuiteReport(int version, String machine, String createdAt, boolean quick, HardwareFingerprint fingerprint,
                          Ceiling ceiling, List<Model> models, List<Decode> decode, List<Job> jobs, long peakRssBytes) {

    /** The version of the JSON this build writes. */
    public static final int VERSION = 1;

    /** The schema of the JSON, a class-path resource. */
    public static final String SCHEMA = "/org/edgebatch/bench/suite/suite.schema.json";

    public SuiteReport {
        models = List.copyOf(models);
        decode = List.copyOf(decode);
        jobs = List.copyOf(jobs);
    }

    /** Cores × clock × FLOPs per cycle of the widest FMA. */
    public record Ceiling(String isa, int cores, double gigahertz, int flopsPerCycle, double gflopsPerSecond) {
    }

    /**
     * One model on one execution provider: {@code status} is {@code ok}, or {@code unavailable: } and the reason, in
     * which case there are no latencies.
     */
    public record Model(String model, String provider, String status, double gflops, List<Latency> latency,
                        FramesAtOnce framesAtOnce) {

        public Model {
            latency = List.copyOf(latency);
        }

        public static Model unavailable(String model, String provider, double gflops, String reason) {
            return new Model(model, provider, "unavailable: " + reason, gflops, List.of(), null);
        }
    }

    /**
     * Frames at once instead of threads per frame: {@code streams} detections at a time (one per hardware thread),
     * each on one intra-op thread, as the job infers by default; null where the provider was unavailable.
     */
    public record FramesAtOnce(int streams, double framesPerSecond, double achievedGflops) {
    }

    /**
     * A detection (letterbox, inference, decoding of the output) of a 1280x720 frame at some intra-op thread count:
     * the median, its frames per second, the GFLOP/s achieved and its share of the ceiling (null when unknown).
     */
    public record Latency(int threads, double medianMillis, double framesPerSecond, double achievedGflops,
                          Double ceilingFraction) {
    }

    /**
     * Decoding one clip: {@code mode} is {@code every frame}, {@code every 10th frame} or {@code key frames};
     * {@code frames} are those returned (converted to BGR). For every 10th frame, {@code unsampledFrameCost} is what a
     * frame not returned costs as a fraction of a frame decoded and converted (from the every-frame run of the same
     * clip); null for the other modes.
     */
    public record Decode(String footage, int width, int height, int fps, String mode, long frames, double seconds,
                         double framesPerSecond, double realTimeFactor, Double unsampledFrameCost) {

        /** This run with the cost of its unreturned frames, given the every-frame run of the same clip. */
        public Decode withUnsampledCost(Decode everyFrame, long clipFrames) {
            double perFrame = everyFrame.seconds() / everyFrame.frames();
            long unsampled = clipFrames - frames;
            Double cost = unsampled > 0 ? (seconds - frames * perFrame) / unsampled / perFrame : null;
            return new Decode(footage, width, height, fps, mode, frames, seconds, framesPerSecond, realTimeFactor, cost);
        }
    }

    /**
     * The whole job on one clip with one sampling mode ({@code every frame}, {@code fps 1}, {@code key frames}): frames
     * of footage gone through per second of wall time, and footage seconds per wall second (the real-time factor).
     */
    public record Job(String model, String provider, String footage, String sampling, long framesInferred,
                      double footageSeconds, double wallSeconds, double framesPerSecond, double realTimeFactor) {
    }
}
