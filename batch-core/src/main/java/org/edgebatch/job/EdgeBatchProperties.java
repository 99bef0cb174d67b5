package org.edgebatch.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Process-wide settings ({@code edgebatch.*}); everything about a job itself is in its spec.
 *
 * @param decoderThreads        FFmpeg threads of each frame reader, snapshot and clip (default 1: the cores are the
 *                              detector's; decoding scaled-down frames is cheap next to inference)
 * @param prefetchFrames        frames a detect partition decodes ahead on a thread of its own when its node infers one
 *                              frame at a time, so decoding overlaps inference (default 4; 0 decodes in the step's
 *                              thread). A node inferring several at once decodes in the step's thread, which then
 *                              only reads while the inference threads work: measured 0.904 of the detector-alone rate
 *                              against 0.868 with a decoding thread besides (YOLOv5n, 2 threads)
 * @param heartbeatInterval     how often a running process renews its heartbeat (default 2 s); a run silent for three
 *                              intervals counts as dead
 * @param partitionPollInterval how often a partitioned step's manager polls the job repository (default 500 ms)
 * @param partitionTimeout      the longest a partitioned step waits for its partitions (default 24 h); a step still
 *                              waiting then fails, so a lost worker never hangs the job
 * @param intraOpThreads        ONNX Runtime threads per inference (default 1). A node's spec {@code threads} are split
 *                              into {@code threads / intraOpThreads} frames inferred at once, each by this many threads:
 *                              on 2 cores two single-threaded inferences at once did 51-59 frames/s of YOLOv5n against
 *                              36-37 for one inference on 2 threads (ONNX Runtime's parallel sections leave cores idle
 *                              on small models); raise it for large models or low latency
 * @param ortSpinning           whether ONNX Runtime's idle intra-op threads spin waiting for work (its default) instead
 *                              of sleeping (only matters with {@code intraOpThreads} above 1). Off by default: spinning
 *                              threads take the cores the decoder needs (measured 0.77-0.79 of the detector-alone rate
 *                              spinning against 0.82-0.87 sleeping, one inference on 2 threads)
 * @param nodeTimeout           distributed mode: a worker whose last heart-beat is older than this is lost (default
 *                              30 s); its partitions are failed and the job stops, so it never waits for a dead node
 * @param nodeHeartbeatInterval distributed mode: how often a worker renews its heart-beat (default 5 s)
 * @param inventoryInterval     distributed mode: how often a worker looks for new, changed or removed files under its
 *                              allow-list and publishes its inventory (default 30 s; only new or changed files are probed)
 * @param restartWait           distributed mode: how long {@code restart} of a run whose manager died waits for
 *                              partitions still running on live workers to stop after their chunk (default 2 min)
 * @param nodeThreads           inference threads of this process's node, in place of the spec's {@code threads}
 *                              (default 0: the spec's); a worker sets it from {@code --threads}
 * @param brokerSendTimeout     distributed mode: how long the manager retries sending a partition request while the
 *                              broker is unreachable, before the step fails (default 60 s)
 */
@ConfigurationProperties("edgebatch")
public record EdgeBatchProperties(@DefaultValue("1") int decoderThreads,
                                  @DefaultValue("4") int prefetchFrames,
                                  @DefaultValue("2s") Duration heartbeatInterval,
                                  @DefaultValue("500ms") Duration partitionPollInterval,
                                  @DefaultValue("24h") Duration partitionTimeout,
                                  @DefaultValue("1") int intraOpThreads,
                                  @DefaultValue("false") boolean ortSpinning,
                                  @DefaultValue("30s") Duration nodeTimeout,
                                  @DefaultValue("5s") Duration nodeHeartbeatInterval,
                                  @DefaultValue("30s") Duration inventoryInterval,
                                  @DefaultValue("2m") Duration restartWait,
                                  @DefaultValue("60s") Duration brokerSendTimeout,
                                  @DefaultValue("0") int nodeThreads) {

    public EdgeBatchProperties {
        if (decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException("edgebatch.decoder-threads must be 0..64, was " + decoderThreads);
        }
        if (prefetchFrames < 0 || prefetchFrames > 256) {
            throw new IllegalArgumentException("edgebatch.prefetch-frames must be 0..256, was " + prefetchFrames);
        }
        if (intraOpThreads < 1 || intraOpThreads > 256) {
            throw new IllegalArgumentException("edgebatch.intra-op-threads must be 1..256, was " + intraOpThreads);
        }
        if (nodeThreads < 0 || nodeThreads > 256) {
            throw new IllegalArgumentException("edgebatch.node-threads must be 0..256, was " + nodeThreads);
        }
        positive("edgebatch.heartbeat-interval", heartbeatInterval);
        positive("edgebatch.partition-poll-interval", partitionPollInterval);
        positive("edgebatch.partition-timeout", partitionTimeout);
        positive("edgebatch.node-timeout", nodeTimeout);
        positive("edgebatch.node-heartbeat-interval", nodeHeartbeatInterval);
        positive("edgebatch.inventory-interval", inventoryInterval);
        positive("edgebatch.restart-wait", restartWait);
        positive("edgebatch.broker-send-timeout", brokerSendTimeout);
        if (nodeHeartbeatInterval.compareTo(nodeTimeout) >= 0) {
            throw new IllegalArgumentException("edgebatch.node-heartbeat-interval (" + nodeHeartbeatInterval
                    + ") must be shorter than edgebatch.node-timeout (" + nodeTimeout + ")");
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
