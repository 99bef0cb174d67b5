package org.edgebatch.partition.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.edgebatch.job.InventoryPlanner;
import org.edgebatch.job.LeftOutFile;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.job.VideoPlan;
import org.edgebatch.node.InventoryException;
import org.edgebatch.node.PathNotAllowedException;
import org.edgebatch.node.VideoAsset;
import org.edgebatch.spec.FileNameGlobs;
import org.edgebatch.spec.InputSpec;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.TargetSpec;

/**
 * The distributed mode's planner: plans from the node registry and the inventories the workers published, never
 * from the manager's own disk. The target picks among the live nodes; {@code input.paths} are paths on the nodes,
 * each allowed only where a selected node's allow-list holds it; every file is planned on the node whose inventory
 * lists it (a path on two machines is two files), so a partition only ever goes to a node that holds its file. An
 * input path outside every registered node's allow-list is refused; one that only unselected nodes hold is left out,
 * so one spec can list every site's folders and a target pick among them. A file found under a folder that its worker
 * could not probe is left out with the probe's reason (one named directly is refused), and one modified within
 * {@code input.settleSeconds} is deferred to the next run.
 */
public final class RegistryInventoryPlanner implements InventoryPlanner {

    private final NodeRegistry registry;
    private final Duration nodeTimeout;

    public RegistryInventoryPlanner(NodeRegistry registry, Duration nodeTimeout) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.nodeTimeout = Objects.requireNonNull(nodeTimeout, "nodeTimeout must not be null");
    }

    @Override
    public VideoPlan plan(JobSpec spec, Predicate<VideoAsset> include) {
        long now = registry.now();
        List<NodeRecord> registered = registry.nodes();
        if (registered.isEmpty()) {
            throw new InventoryException("no worker has registered in this job repository: start 'edgebatch worker --node-id ID"
                    + " --allow PATH --broker URL --db URL' on the nodes that hold the footage");
        }
        List<NodeRecord> candidates = candidates(spec.target(), registered, now);
        InputSpec input = spec.input();
        List<Path> inputs = input.paths().stream().map(path -> path.toAbsolutePath().normalize()).toList();
        for (Path path : inputs) {
            // A path another (unselected) node holds is simply not this target's: one spec can list every site's folders.
            if (registered.stream().noneMatch(node -> permits(node, path))) {
                String hint = registered.stream().anyMatch(node -> node.allowList().stream().anyMatch(root -> root.startsWith(path)))
                        ? "; it contains node folders, so list those as the input paths instead" : "";
                throw new PathNotAllowedException("input path " + path + " is outside the allow-list of every node: "
                        + registered.stream().map(node -> node.nodeId() + " " + node.allowList()).collect(Collectors.joining(", "))
                        + " (target " + spec.target().text() + ")" + hint, path, path);
            }
        }
        FileNameGlobs globs = input.globs();
        Map<String, List<NodeFile>> byNode = new LinkedHashMap<>();
        // One query for every candidate's inventory: with hundreds of nodes, one per node would dominate planning.
        Map<String, List<NodeFile>> inventories = registry.files(candidates.stream().map(NodeRecord::nodeId).toList());
        for (NodeRecord node : candidates) {
            List<NodeFile> matching = inventories.get(node.nodeId()).stream()
                    .filter(file -> inputs.stream().anyMatch(path -> permits(node, path) && selects(path, file.path(), globs, input.recursive())))
                    .toList();
            if (!matching.isEmpty()) {
                byNode.put(node.nodeId(), matching);
            }
            if (spec.target() instanceof TargetSpec.AnyNode && !matching.isEmpty()) {
                break;
            }
        }
        if (byNode.isEmpty()) {
            throw new InventoryException("no video files in " + inputs + " match " + input.include()
                    + (input.exclude().isEmpty() ? "" : " without matching " + input.exclude())
                    + " in the inventories of nodes " + candidates.stream().map(node -> node.nodeId() + " (" + node.files()
                    + " files" + (node.inventoryAt() == null ? ", not published yet" : ", published " + NodeRecord.ago(now - node.inventoryAt()))
                    + ")").collect(Collectors.joining(", ")));
        }
        List<PlannedVideo> videos = new ArrayList<>();
        List<LeftOutFile> leftOut = new ArrayList<>();
        int settleSeconds = input.settleSeconds();
        for (Map.Entry<String, List<NodeFile>> node : byNode.entrySet()) {
            for (NodeFile file : node.getValue()) {
                if (!include.test(new VideoAsset(node.getKey(), file.path(), file.sizeBytes(), file.lastModified()))) {
                    continue;
                }
                long age = now - file.lastModified().toEpochMilli();
                if (age < settleSeconds * 1000L) {
                    leftOut.add(LeftOutFile.deferred(node.getKey(), file.path(), age, settleSeconds));
                    continue;
                }
                if (!file.readable()) {
                    if (inputs.contains(file.path())) {
                        // Named directly: choosing a file that cannot be read is a mistake to refuse up front.
                        throw new InventoryException("not a readable video: " + file.path() + " on node " + node.getKey() + ": "
                                + file.probeError());
                    }
                    leftOut.add(LeftOutFile.unreadable(node.getKey(), file.path(), file.probeError()));
                    continue;
                }
                videos.add(new PlannedVideo("v" + videos.size(), node.getKey(), file.path(), file.sizeBytes(), file.lastModified(),
                        file.frames(), file.fps(), file.durationMicros(), file.width(), file.height()));
            }
        }
        return new VideoPlan(videos, leftOut);
    }

    /** The live nodes the target allows, refusing a target no live node fits with the nodes seen. */
    private List<NodeRecord> candidates(TargetSpec target, List<NodeRecord> registered, long now) {
        List<NodeRecord> live = registered.stream().filter(node -> node.alive(now, nodeTimeout)).toList();
        String seen = registered.stream().map(node -> node.describe(now) + " " + node.liveness(now, nodeTimeout))
                .collect(Collectors.joining(", "));
        List<NodeRecord> candidates = switch (target) {
            case TargetSpec.AllNodes all -> live;
            case TargetSpec.AnyNode any -> live;
            case TargetSpec.NamedNode(String id) -> {
                NodeRecord named = registered.stream().filter(node -> node.nodeId().equals(id)).findFirst()
                        .orElseThrow(() -> new InventoryException("target " + target.text() + " names an unknown node '" + id
                                + "'; registered nodes: " + registered.stream().map(NodeRecord::nodeId).collect(Collectors.joining(", "))));
                if (!named.alive(now, nodeTimeout)) {
                    throw new InventoryException("target " + target.text() + ": node " + named.describe(now) + " is "
                            + named.liveness(now, nodeTimeout) + "; start its worker again");
                }
                yield List.of(named);
            }
            case TargetSpec.LabelledNodes(String key, String value) -> {
                List<NodeRecord> labelled = live.stream().filter(node -> value.equals(node.labels().get(key))).toList();
                if (labelled.isEmpty()) {
                    throw new InventoryException("target " + target.text() + " matches no live node; nodes: "
                            + registered.stream().map(node -> node.nodeId() + " " + node.labels() + " " + node.liveness(now, nodeTimeout))
                            .collect(Collectors.joining(", ")));
                }
                yield labelled;
            }
        };
        if (candidates.isEmpty()) {
            throw new InventoryException("no live node to run target " + target.text() + " on; nodes seen: " + seen
                    + " (a node is lost when silent for more than " + nodeTimeout.toSeconds() + " s)");
        }
        return candidates;
    }

    private static boolean permits(NodeRecord node, Path path) {
        return node.allowList().stream().anyMatch(path::startsWith);
    }

    /** Whether an input path selects a file: the file itself, or a file under the folder matching the globs. */
    private static boolean selects(Path input, Path file, FileNameGlobs globs, boolean recursive) {
        if (file.equals(input)) {
            return true;
        }
        if (!file.startsWith(input)) {
            return false;
        }
        if (!recursive && !input.equals(file.getParent())) {
            return false;
        }
        return globs.matches(file.getFileName().toString());
    }
}
