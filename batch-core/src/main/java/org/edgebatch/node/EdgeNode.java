package org.edgebatch.node;

import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.NodeSpec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A node that holds video and runs inference on it: its id, its labels, and the allow-list of what it may read.
 * In embedded mode several live in one JVM; in distributed mode each is a worker process.
 */
public record EdgeNode(String id, Map<String, String> labels, AllowList allowList) {

    public EdgeNode {
        Objects.requireNonNull(id, "id must not be null");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(allowList, "allowList must not be null");
    }

    /** A node from its spec, its allow-list's real paths taken now. */
    public static EdgeNode of(NodeSpec spec) {
        return new EdgeNode(spec.id(), spec.labels(), AllowList.of(spec.paths()));
    }

    /** The nodes of an embedded run of this job: those it declares, or one {@code local} node over its input paths. */
    public static List<EdgeNode> embedded(JobSpec spec) {
        return spec.embeddedNodes().stream().map(EdgeNode::of).toList();
    }

    /** True when this node may read the file at {@code realPath} (a real path). */
    public boolean holds(Path realPath) {
        return allowList.permits(realPath);
    }

    /**
     * The real path of {@code candidate}, if this node may read it.
     *
     * @throws PathNotAllowedException naming the path, what it resolved to, and this node
     */
    public Path resolve(Path candidate) {
        return allowList.resolve(candidate, id);
    }

    /** {@code 'node-a' [/videos/a]}, as messages list nodes. */
    String describe() {
        return "'" + id + "' " + allowList;
    }
}
