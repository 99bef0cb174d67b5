package org.edgebatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.edgebatch.detect.Detector;
import org.edgebatch.spec.JobSpec;

/**
 * The detectors of the nodes this process hosts: one per (job execution, node), opened when the node's first
 * partition needs it and shared by all the node's partitions (the detector is thread-safe, so a node runs one ONNX
 * Runtime session whatever its concurrency). {@link #release(long)} closes a finished execution's detectors.
 */
public final class NodeDetectors implements AutoCloseable {

    private record Key(long jobExecutionId, String nodeId) {
    }

    private final DetectorFactory factory;
    private final Map<Key, Detector> detectors = new ConcurrentHashMap<>();

    public NodeDetectors(DetectorFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory must not be null");
    }

    /** The node's detector for this execution, opened on first use. */
    public Detector get(long jobExecutionId, String nodeId, JobSpec spec) {
        return detectors.computeIfAbsent(new Key(jobExecutionId, nodeId), key -> factory.open(spec));
    }

    /** Closes the detectors of a job execution (its partitions have all ended). */
    public void release(long jobExecutionId) {
        List<Key> keys = new ArrayList<>(detectors.keySet());
        for (Key key : keys) {
            if (key.jobExecutionId() == jobExecutionId) {
                Detector detector = detectors.remove(key);
                if (detector != null) {
                    detector.close();
                }
            }
        }
    }

    /** How many detectors are open (in every execution). */
    public int open() {
        return detectors.size();
    }

    @Override
    public void close() {
        List<Detector> all = new ArrayList<>(detectors.values());
        detectors.clear();
        all.forEach(Detector::close);
    }
}
