package org.edgebatch.job;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.edgebatch.detect.Detector;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What a node infers with in one job execution: its detector (one ONNX Runtime session) and, when the node infers
 * several frames at once, the threads its partitions' frames are inferred on.
 */
public final class NodeInference implements AutoCloseable {

    private final Detector detector;
    private final ThreadPoolTaskExecutor executor;

    /** @param streams frames inferred at once; above 1 the node gets an executor of that many threads */
    NodeInference(Detector detector, int streams, String nodeId) {
        this.detector = Objects.requireNonNull(detector, "detector must not be null");
        if (streams > 1) {
            executor = new ThreadPoolTaskExecutor();
            executor.setCorePoolSize(streams);
            executor.setMaxPoolSize(streams);
            executor.setDaemon(true);
            executor.setThreadNamePrefix("infer-" + nodeId + "-");
            executor.initialize();
        } else {
            executor = null;
        }
    }

    public Detector detector() {
        return detector;
    }

    /** Where the node's inferences run: its threads, or the calling thread when it infers one frame at a time. */
    public Executor executor() {
        return executor != null ? executor : Runnable::run;
    }

    /** Frames the node infers at once. */
    public int streams() {
        return executor != null ? executor.getMaxPoolSize() : 1;
    }

    @Override
    public void close() {
        try {
            if (executor != null) {
                executor.shutdown();
            }
        } finally {
            detector.close();
        }
    }
}
