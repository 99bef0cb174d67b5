package org.edgebatch.cli;

import java.util.List;

/**
 * One machine's {@code bench suite} JSON as {@code bench compare} reads it, whatever version wrote it
 * ({@link SuiteResultsReader} fills what an older version lacked or refuses the file).
 *
 * @param memoryBytes  0 where unknown
 * @param onnxRuntime  empty where the file does not say
 * @param peakRssBytes -1 where unknown
 */
record SuiteResults(String file, int version, String machine, String cpu, int cores, int threads, List<String> isa,
                    long memoryBytes, String onnxRuntime, List<DetectorRate> detectors, List<AtOnceRate> atOnce,
                    List<DecodeRate> decodes, List<JobRate> jobs, long peakRssBytes) {

    SuiteResults {
        isa = List.copyOf(isa);
        detectors = List.copyOf(detectors);
        atOnce = List.copyOf(atOnce);
        decodes = List.copyOf(decodes);
        jobs = List.copyOf(jobs);
    }

    /** A detector's rate at some thread count, or its status when the provider was unavailable (threads 0). */
    record DetectorRate(String model, String provider, String status, int threads, double framesPerSecond) {

        boolean ok() {
            return status.equals("ok");
        }
    }

    /** Frames at once, one thread each: {@code streams} detections at a time. */
    record AtOnceRate(String model, String provider, int streams, double framesPerSecond) {
    }

    record DecodeRate(String footage, String mode, double framesPerSecond) {
    }

    /** The whole job's footage frames per second and real-time factor. */
    record JobRate(String model, String provider, String footage, String sampling, double framesPerSecond,
                   double realTimeFactor) {
    }

    SuiteResults named(String name) {
        return new SuiteResults(file, version, name, cpu, cores, threads, isa, memoryBytes, onnxRuntime, detectors, atOnce,
                decodes, jobs, peakRssBytes);
    }
}
