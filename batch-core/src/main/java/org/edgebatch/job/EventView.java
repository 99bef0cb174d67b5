package org.edgebatch.job;

/**
 * One event of a job instance: where it was seen, its class, start and end (seconds from the start of the video and
 * frame indices), the best score and frame, and its files on the node (snapshot and clip may be null).
 */
public record EventView(String key, String node, String video, String label, double start, double end, long startFrame,
                        long endFrame, float maxScore, long bestFrame, String snapshot, String clip, String json) {
}
