package org.edgebatch.partition.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a worker registers for its node: who it is, where it runs, its labels, allow-list (real paths) and capacity. */
public record WorkerRegistration(String nodeId, String workerId, String host, long pid, String version,
                                 Map<String, String> labels, List<Path> allowList, int threads, int concurrency) {

    public WorkerRegistration {
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        Objects.requireNonNull(workerId, "workerId must not be null");
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(version, "version must not be null");
        labels = Map.copyOf(labels);
        allowList = List.copyOf(allowList);
    }
}
