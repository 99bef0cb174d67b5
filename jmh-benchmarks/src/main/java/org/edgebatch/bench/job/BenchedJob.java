package org.edgebatch.bench.job;

import org.edgebatch.ort.OrtRuntime;

/**
 * The job {@link JobBenchmark} measures, as whoever owns the job repository runs it (the launcher's {@code bench job}),
 * on the spec {@link JobBenchmark#prepare()} wrote, once per round. This module knows nothing of job repositories.
 */
public interface BenchedJob {

    /** One run of the job: the detect step's rate, the rate from the job's start to its end, and frames inferred. */
    record Round(double stepFramesPerSecond, double wholeJobFramesPerSecond, long framesInferred) {
    }

    /** The job ended other than COMPLETED; the message says how and where to look. */
    final class NotCompleted extends RuntimeException {
        public NotCompleted(String message) {
            super(message);
        }
    }

    /** The runtime the job's detectors use, for the detector-alone runs. */
    OrtRuntime runtime();

    /** ONNX Runtime threads per inference, as the job's nodes set them. */
    int intraOpThreads();

    /** Frames the job's nodes infer at once. */
    int streams();

    /**
     * Runs the job once to its end.
     *
     * @throws NotCompleted when it ends FAILED or STOPPED
     */
    Round run() throws Exception;
}
