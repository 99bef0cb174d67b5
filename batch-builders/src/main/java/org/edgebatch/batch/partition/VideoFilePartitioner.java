package org.edgebatch.batch.partition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.edgebatch.batch.item.VideoFrameItemReaderBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per video file under each node's folders, named {@code <node>-<video id>} so a restarted step finds
 * its partitions again; the file, its id and its node are in the partition's ExecutionContext
 * ({@link VideoPartitionKeys}). Made by {@link LocalityPartitionerBuilder}.
 */
public final class VideoFilePartitioner implements Partitioner {

    private final Map<String, List<Path>> folders;
    private final PathMatcher include;

    VideoFilePartitioner(Map<String, List<Path>> folders, String include) {
        this.folders = folders;
        this.include = FileSystems.getDefault().getPathMatcher("glob:" + include);
    }

    /**
     * @param gridSize ignored: there is one partition per file
     * @throws UncheckedIOException naming the folder that cannot be listed
     */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new TreeMap<>();
        folders.forEach((node, roots) -> {
            for (Path root : roots) {
                for (Path file : videos(root)) {
                    String videoId = VideoFrameItemReaderBuilder.defaultVideoId(file);
                    ExecutionContext context = new ExecutionContext();
                    context.putString(VideoPartitionKeys.FILE, file.toAbsolutePath().normalize().toString());
                    context.putString(VideoPartitionKeys.VIDEO_ID, videoId);
                    context.putString(VideoPartitionKeys.NODE, node);
                    partitions.put(node + "-" + videoId, context);
                }
            }
        });
        return partitions;
    }

    private List<Path> videos(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> include.matches(file.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the videos in " + root + ": " + e.getMessage(), e);
        }
    }
}
