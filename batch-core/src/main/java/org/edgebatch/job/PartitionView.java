package org.edgebatch.job;

/**
 * One partition of a status: its step ({@code detectWorker}, {@code eventsWorker}, {@code publishWorker}), partition
 * name, node, video file, status, how far it read ({@code frameIndex} of the last committed frame, -1 before the
 * first), the frames the file has, undecodable frames skipped, why it failed (the root cause, empty otherwise), the
 * host whose worker took it (empty before one did), the frames inferred and the detections written for the file.
 */
public record PartitionView(String step, String partition, String node, String video, String status,
                            long lastFrameIndex, long frames, long undecodable, String failure, String host,
                            long framesInferred, long detections) {
}
