package org.edgebatch.node;

import org.edgebatch.spec.FileNameGlobs;
import org.edgebatch.spec.InputSpec;
import org.edgebatch.spec.JobSpec;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds a job's video files and assigns each to exactly one node that may read it, before the job starts. Refuses an
 * input path, or a file reached through a symbolic link, that lies outside the allow-list of every selected node.
 * A file several nodes may read goes to the one with the fewest bytes so far, largest files first, so the same
 * inventory always gives the same assignment.
 */
public final class VideoInventory {

    private final InputSpec input;
    private final NodeSelector selector;

    public VideoInventory(InputSpec input, NodeSelector selector) {
        this.input = Objects.requireNonNull(input, "input must not be null");
        this.selector = Objects.requireNonNull(selector, "selector must not be null");
    }

    /** The inventory of a job's embedded run: its input over its declared nodes, or over one {@code local} node. */
    public static List<VideoAsset> of(JobSpec spec) {
        return new VideoInventory(spec.input(), new NodeSelector(spec.target())).scan(EdgeNode.embedded(spec));
    }

    /**
     * Walks the input paths and assigns each matching file to a node.
     *
     * @return the files, grouped by node in the nodes' order, each node's by path
     * @throws PathNotAllowedException an input path or a found file outside the allow-list of every selected node
     * @throws InventoryException      an input path that does not exist, a target no node fits, no matching files
     */
    public List<VideoAsset> scan(List<EdgeNode> nodes) {
        List<EdgeNode> candidates = selector.candidates(nodes);
        Map<Path, Found> files = new LinkedHashMap<>();
        for (Path path : input.paths()) {
            Path root = inputRoot(path, candidates);
            walk(path, root, candidates, files);
        }
        if (files.isEmpty()) {
            throw new InventoryException("no video files in " + input.paths() + " match " + input.include()
                    + (input.exclude().isEmpty() ? "" : " without matching " + input.exclude())
                    + (input.recursive() ? "" : " (sub-folders not read: recursive is false)"));
        }
        List<EdgeNode> selected = selector.select(nodes, files.keySet());
        return assign(files, selected);
    }

    /** The input path's real path, refused unless it exists and some candidate node may read it. */
    private Path inputRoot(Path path, List<EdgeNode> candidates) {
        if (!Files.exists(path)) {
            throw new InventoryException("input path " + path + " does not exist"
                    + (Files.isSymbolicLink(path) ? " (it is a symbolic link to a missing target)" : ""));
        }
        Path real = AllowList.realPath(path);
        if (candidates.stream().noneMatch(node -> node.holds(real))) {
            PathNotAllowedException refusal = outside("input path " + AllowList.describe(path, real), path, real, candidates);
            if (candidates.stream().anyMatch(node -> node.allowList().within(real))) {
                // The natural mistake: naming the parent of the nodes' folders. Say what to write instead.
                throw new PathNotAllowedException(refusal.getMessage() + "; it contains node folders, so list those as the"
                        + " input paths instead", path, real);
            }
            throw refusal;
        }
        return real;
    }

    private void walk(Path given, Path root, List<EdgeNode> candidates, Map<Path, Found> files) {
        if (Files.isRegularFile(root)) {
            // A file named directly is read whatever its name: naming it is choosing it.
            add(given, root, files, candidates);
            return;
        }
        FileNameGlobs globs = input.globs();
        int depth = input.recursive() ? Integer.MAX_VALUE : 1;
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // A linked folder outside every allow-list is refused before it is even listed.
                    Path real = AllowList.realPath(dir);
                    if (candidates.stream().noneMatch(node -> node.holds(real))) {
                        throw outside(AllowList.describe(dir, real) + ", found under input path " + given + ",", dir, real, candidates);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && globs.matches(file.getFileName().toString())) {
                        add(given, file, files, candidates);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof FileSystemLoopException) {
                        // A link back to a folder above: its files are being read already.
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new InventoryException("cannot read input path " + given + ": " + e, e);
        }
    }

    private void add(Path given, Path file, Map<Path, Found> files, List<EdgeNode> candidates) {
        Path real = AllowList.realPath(file);
        if (candidates.stream().noneMatch(node -> node.holds(real))) {
            throw outside(AllowList.describe(file, real) + (file.equals(given) ? "" : ", found under input path " + given + ","),
                    file, real, candidates);
        }
        if (!files.containsKey(real)) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
                files.put(real, new Found(real, attrs.size(), attrs.lastModifiedTime().toInstant()));
            } catch (IOException e) {
                throw new InventoryException("cannot read " + file + ": " + e, e);
            }
        }
    }

    private List<VideoAsset> assign(Map<Path, Found> files, List<EdgeNode> selected) {
        Map<String, Long> bytes = new HashMap<>();
        selected.forEach(node -> bytes.put(node.id(), 0L));
        Map<String, List<VideoAsset>> byNode = new LinkedHashMap<>();
        selected.forEach(node -> byNode.put(node.id(), new ArrayList<>()));

        List<Found> largestFirst = files.values().stream()
                .sorted(Comparator.comparingLong(Found::size).reversed().thenComparing(Found::path))
                .toList();
        for (Found file : largestFirst) {
            EdgeNode chosen = null;
            for (EdgeNode node : selected) {
                // Strictly fewer bytes: on a tie the node declared first keeps it.
                if (node.holds(file.path()) && (chosen == null || bytes.get(node.id()) < bytes.get(chosen.id()))) {
                    chosen = node;
                }
            }
            if (chosen == null) {
                // Only "any" gets here: the chosen node is the first holding a file, not one holding every file.
                throw outside(file.path() + " (an input file)", file.path(), file.path(), selected);
            }
            bytes.merge(chosen.id(), file.size(), Long::sum);
            byNode.get(chosen.id()).add(new VideoAsset(chosen.id(), file.path(), file.size(), file.modified()));
        }
        return byNode.values().stream()
                .flatMap(assets -> assets.stream().sorted(Comparator.comparing(VideoAsset::path)))
                .toList();
    }

    private PathNotAllowedException outside(String what, Path path, Path real, List<EdgeNode> nodes) {
        String which = nodes.size() == 1 ? "of node " + nodes.getFirst().describe()
                : "of every selected node: " + nodes.stream().map(EdgeNode::describe).collect(Collectors.joining(", "));
        return new PathNotAllowedException(what + " is outside the allow-list " + which + " (target " + selector.target().text() + ")",
                path, real);
    }

    private record Found(Path path, long size, Instant modified) {
    }
}
