package org.edgebatch.batch.partition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the partitioner of an application's own partitioned step: which node holds which folders of video, and which
 * files count. Each partition records its node, so a partition handler can send it where its file is; with Spring
 * Batch's {@code TaskExecutorPartitionHandler} every node is this process.
 */
public final class LocalityPartitionerBuilder {

    /** The files a partitioner takes unless told otherwise. */
    public static final String DEFAULT_INCLUDE = "*.{mp4,avi,mkv,mov,MP4,AVI,MKV,MOV}";

    private final Map<String, List<Path>> folders = new LinkedHashMap<>();
    private String include = DEFAULT_INCLUDE;

    /** Folders whose videos (searched recursively) node {@code nodeId} holds; call once per node. */
    public LocalityPartitionerBuilder node(String nodeId, Path... folders) {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("nodeId must be 1..63 letters, digits, '.', '_' or '-', was '" + nodeId + "'");
        }
        if (folders.length == 0) {
            throw new IllegalArgumentException("node " + nodeId + " needs at least one folder");
        }
        List<Path> checked = new ArrayList<>();
        for (Path folder : folders) {
            Objects.requireNonNull(folder, "folder must not be null");
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("folder " + folder + " of node " + nodeId + " does not exist or is not a folder");
            }
            checked.add(folder);
        }
        this.folders.computeIfAbsent(nodeId, id -> new ArrayList<>()).addAll(checked);
        return this;
    }

    /** A glob on file names, e.g. {@code *.mp4} (default: {@value #DEFAULT_INCLUDE}). */
    public LocalityPartitionerBuilder include(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("include must not be blank");
        }
        this.include = glob;
        return this;
    }

    /**
     * The partitioner.
     *
     * @throws IllegalStateException when no node was given
     */
    public VideoFilePartitioner build() {
        if (folders.isEmpty()) {
            throw new IllegalStateException("at least one node(...) with its folders is required");
        }
        Map<String, List<Path>> copy = new LinkedHashMap<>();
        folders.forEach((node, paths) -> copy.put(node, List.copyOf(paths)));
        return new VideoFilePartitioner(copy, include);
    }
}
