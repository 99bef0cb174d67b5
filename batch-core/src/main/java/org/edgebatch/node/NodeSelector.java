package org.edgebatch.node;

import org.edgebatch.spec.TargetSpec;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Picks the nodes a job runs on from its target: {@code all} every node, {@code node:<id>} that node,
 * {@code label:<key>=<value>} the nodes with that label, {@code any} the first node, in declaration order, that holds
 * an input file (so {@code any} can only be settled once the files are known).
 */
public final class NodeSelector {

    private final TargetSpec target;

    public NodeSelector(TargetSpec target) {
        this.target = Objects.requireNonNull(target, "target must not be null");
    }

    public TargetSpec target() {
        return target;
    }

    /**
     * The nodes that may take part, before the files are known: every node for {@code all} and {@code any}.
     *
     * @throws InventoryException when there are no nodes, the named node is unknown (listing the known ids), or no
     *                            node has the label (listing the nodes' labels)
     */
    public List<EdgeNode> candidates(List<EdgeNode> nodes) {
        if (nodes.isEmpty()) {
            throw new InventoryException("no nodes to run target " + target.text() + " on");
        }
        return switch (target) {
            case TargetSpec.AllNodes all -> List.copyOf(nodes);
            case TargetSpec.AnyNode any -> List.copyOf(nodes);
            case TargetSpec.NamedNode(String id) -> List.of(nodes.stream()
                    .filter(node -> node.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new InventoryException("target " + target.text() + " names an unknown node '" + id
                            + "'; known nodes: " + nodes.stream().map(EdgeNode::id).collect(Collectors.joining(", ")))));
            case TargetSpec.LabelledNodes(String key, String value) -> {
                List<EdgeNode> labelled = nodes.stream().filter(node -> value.equals(node.labels().get(key))).toList();
                if (labelled.isEmpty()) {
                    throw new InventoryException("target " + target.text() + " matches no node; node labels: "
                            + nodes.stream().map(node -> node.id() + " " + node.labels()).collect(Collectors.joining(", ")));
                }
                yield labelled;
            }
        };
    }

    /**
     * The nodes the job runs on, given the real paths of its input files.
     *
     * @throws InventoryException for {@code any} when no node holds any of the files
     */
    public List<EdgeNode> select(List<EdgeNode> nodes, Collection<Path> realFiles) {
        List<EdgeNode> candidates = candidates(nodes);
        if (!(target instanceof TargetSpec.AnyNode)) {
            return candidates;
        }
        return List.of(candidates.stream()
                .filter(node -> realFiles.stream().anyMatch(node::holds))
                .findFirst()
                .orElseThrow(() -> new InventoryException("target any: no node holds any of the " + realFiles.size()
                        + " input files; nodes: " + candidates.stream().map(EdgeNode::describe).collect(Collectors.joining(", ")))));
    }
}
