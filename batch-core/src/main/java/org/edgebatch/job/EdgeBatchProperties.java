package org.edgebatch.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Process-wide settings ({@code edgebatch.*}); everything about a job itself is in its spec.
 *
 * @param decoderThreads        FFmpeg threads of each frame reader, snapshot and clip (default 1: the cores are the
 *                              detector's; decoding scaled-down frames is cheap next to inference)
 * @param prefetchFrames        frames each detect partition decodes ahead on a thread of its own, so decoding overlaps
 *                              inference (default 4; 0 decodes in the step's thread)
 * @param heartbeatInterval     how often a running process renews its heartbeat (default 2 s); a run silent for three
 *                              intervals counts as dead
 * @param partitionPollInterval how often a partitioned step's manager polls the job repository (default 500 ms)
 * @param partitionTimeout      the longest a partitioned step waits for its partitions (default 24 h); a step still
 *                              waiting then fails, so a lost worker never hangs the job
 * @param ortSpinning           whether the job's ONNX Runtime intra-op threads spin waiting for work (ONNX Runtime's
 *                              default) instead of sleeping. Off by default: with YOLOv5n on 2 cores, sleeping threads
 *                              left the decoder its share and the job ran at 0.82-0.87 of the detector-alone rate
 *                              against 0.77-0.79 spinning ({@code edgebatch bench job}), although inference alone is
 *                              3-8% slower without spinning (30% for YOLOX-nano: try it on for very fast models)
 */
@ConfigurationProperties("edgebatch")
public record EdgeBatchProperties(@DefaultValue("1") int decoderThreads,
                                  @DefaultValue("4") int prefetchFrames,
                                  @DefaultValue("2s") Duration heartbeatInterval,
                                  @DefaultValue("500ms") Duration partitionPollInterval,
                                  @DefaultValue("24h") Duration partitionTimeout,
                                  @DefaultValue("false") boolean ortSpinning) {

    public EdgeBatchProperties {
        if (decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException("edgebatch.decoder-threads must be 0..64, was " + decoderThreads);
        }
        if (prefetchFrames < 0 || prefetchFrames > 256) {
            throw new IllegalArgumentException("edgebatch.prefetch-frames must be 0..256, was " + prefetchFrames);
        }
        positive("edgebatch.heartbeat-interval", heartbeatInterval);
        positive("edgebatch.partition-poll-interval", partitionPollInterval);
        positive("edgebatch.partition-timeout", partitionTimeout);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
