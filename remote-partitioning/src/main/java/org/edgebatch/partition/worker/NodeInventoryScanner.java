package org.edgebatch.partition.worker;

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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.edgebatch.node.AllowList;
import org.edgebatch.partition.registry.NodeFile;
import org.edgebatch.spec.FileNameGlobs;
import org.edgebatch.video.VideoInfo;
import org.edgebatch.video.VideoProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's view of its own disk: every file under its allow-list whose name matches the video globs, by real path
 * (a link leading outside the allow-list is left out), probed once per size and modification time. What it finds is
 * the node's inventory, which the manager plans from without seeing the disk.
 */
public final class NodeInventoryScanner {

    private static final Logger log = LoggerFactory.getLogger(NodeInventoryScanner.class);

    private final String nodeId;
    private final AllowList allowList;
    private final FileNameGlobs globs;
    private final Map<Path, NodeFile> probed = new HashMap<>();

    public NodeInventoryScanner(String nodeId, AllowList allowList, FileNameGlobs globs) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId must not be null");
        this.allowList = Objects.requireNonNull(allowList, "allowList must not be null");
        this.globs = Objects.requireNonNull(globs, "globs must not be null");
    }

    /** The files as they are now, by path; only new or changed ones are probed again. */
    public synchronized List<NodeFile> scan() {
        Map<Path, NodeFile> found = new TreeMap<>();
        for (Path root : allowList.roots()) {
            if (!Files.exists(root)) {
                log.warn("allow-listed path {} does not exist (yet)", root);
                continue;
            }
            walk(AllowList.realPath(root), found);
        }
        probed.keySet().retainAll(found.keySet());
        return new ArrayList<>(found.values());
    }

    private void walk(Path root, Map<Path, NodeFile> found) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return allowList.permits(AllowList.realPath(dir)) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && globs.matches(file.getFileName().toString())) {
                        Path real = AllowList.realPath(file);
                        if (allowList.permits(real)) {
                            found.put(real, probe(real, attrs.size(), attrs.lastModifiedTime().toInstant()));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof FileSystemLoopException)) {
                        log.warn("cannot read {}: {}", file, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("cannot walk {}: {}", root, e.toString());
        }
    }

    private NodeFile probe(Path file, long size, Instant modified) {
        NodeFile known = probed.get(file);
        if (known != null && known.sizeBytes() == size && known.lastModified().equals(modified)) {
            return known;
        }
        NodeFile fresh;
        try {
            VideoInfo info = VideoProbe.probe(file);
            fresh = new NodeFile(nodeId, file, size, modified, info.frameCount(), info.fps(), info.durationMicros(),
                    info.width(), info.height(), null);
        } catch (RuntimeException e) {
            fresh = new NodeFile(nodeId, file, size, modified, 0, 0, 0, 0, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        probed.put(file, fresh);
        return fresh;
    }
}
