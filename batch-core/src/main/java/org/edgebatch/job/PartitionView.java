package org.edgebatch.job;

import java.util.List;

/**
 * One partition of a status: its step ({@code detectWorker}, {@code eventsWorker}, {@code publishWorker}), partition
 * name, node, video file (its first, when it holds several), status, how far it read ({@code frameIndex} of the last
 * committed frame of the file it is in, -1 before the first), the frames its files have, undecodable frames skipped,
 * why it failed (the root cause, empty otherwise), the host whose worker took it (empty before one did), the frames
 * inferred and the detections written for its files, and each of its files with its frames done.
 */
public record PartitionView(String step, String partition, String node, String video, String status,
                            long lastFrameIndex, long frames, long undecodable, String failure, String host,
                            long framesInferred, long detections, List<FileView> files) {

    public PartitionView {
        files = List.copyOf(files);
    }

    /**
     * One file of a partition: its path, frames, frames done (read by a detect partition, all of them once its
     * partition completed), frames inferred and detections written.
     */
    public record FileView(String video, long frames, long framesDone, long framesInferred, long detections) {
    }
}
