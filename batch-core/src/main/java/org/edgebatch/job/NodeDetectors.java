package org.edgebatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.edgebatch.spec.JobSpec;

/**
 * The detectors of the nodes this process hosts: one {@link NodeInference} per (job execution, node), opened when the
 * node's first partition needs it and shared by all the node's partitions (the detector is thread-safe, so a node runs
 * one ONNX Runtime session whatever its concurrency, and its inference threads are the node's, not each partition's).
 * {@link #release(long)} closes a finished execution's.
 */
public final class NodeDetectors implements AutoCloseable {

    private record Key(long jobExecutionId, String nodeId) {
    }

    private final DetectorFactory factory;
    private final Map<Key, NodeInference> detectors = new ConcurrentHashMap<>();

    public NodeDetectors(DetectorFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory must not be null");
    }

    /** The node's detector and inference threads for this execution, opened on first use. */
    public NodeInference get(long jobExecutionId, String nodeId, JobSpec spec) {
        return detectors.computeIfAbsent(new Key(jobExecutionId, nodeId),
                key -> new NodeInference(factory.open(spec), factory.streams(spec), nodeId));
    }

    /** Closes the detectors of a job execution (its partitions have all ended). */
    public void release(long jobExecutionId) {
        List<Key> keys = new ArrayList<>(detectors.keySet());
        for (Key key : keys) {
            if (key.jobExecutionId() == jobExecutionId) {
                NodeInference inference = detectors.remove(key);
                if (inference != null) {
                    inference.close();
                }
            }
        }
    }

    /** The job executions that have a detector open here. */
    public java.util.Set<Long> executions() {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        detectors.keySet().forEach(key -> ids.add(key.jobExecutionId()));
        return ids;
    }

    /** How many detectors are open (in every execution). */
    public int open() {
        return detectors.size();
    }

    @Override
    public void close() {
        List<NodeInference> all = new ArrayList<>(detectors.values());
        detectors.clear();
        all.forEach(NodeInference::close);
    }
}
