package org.edgebatch.partition.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edgebatch.spec.InputSpec;

/**
 * What a worker process serves: its node id and labels, the folders it may read (its allow-list), which file names
 * count as video in its inventory, and how many partitions it runs at once.
 *
 * @param include     file-name globs of its inventory (default the spec's default video extensions)
 * @param concurrency partitions run at once, each decoding its own file; they share the node's one model session
 * @param version     the EdgeBatch version the worker runs, shown by {@code edgebatch nodes}
 */
public record WorkerSettings(String nodeId, Map<String, String> labels, List<Path> allowList, List<String> include,
                             int concurrency, String version) {

    public WorkerSettings {
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        Objects.requireNonNull(version, "version must not be null");
        labels = Map.copyOf(labels);
        allowList = List.copyOf(allowList);
        include = include == null || include.isEmpty() ? InputSpec.DEFAULT_INCLUDE : List.copyOf(include);
        if (allowList.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one --allow folder");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("--concurrency must be 1..256, was " + concurrency);
        }
    }
}
