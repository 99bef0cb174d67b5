package org.edgebatch.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One video file of a run's plan: the node that reads it, what the file was when the inventory was taken, and what
 * the probe found. Its partitions (one in each partitioned step) are named {@link #partitionName()}.
 *
 * @param videoId  {@code v<index>} in the plan, the key of its rows
 * @param frames   the probed frame count (exact or estimated), for progress
 */
public record PlannedVideo(String videoId, String nodeId, Path path, long sizeBytes, Instant lastModified,
                           long frames, double fps, long durationMicros, int width, int height) {

    /** Partition ExecutionContext keys. */
    public static final String NODE = "node";
    public static final String VIDEO_ID = "video.id";
    public static final String VIDEO_PATH = "video.path";
    public static final String VIDEO_FRAMES = "video.frames";
    public static final String VIDEO_FPS = "video.fps";
    public static final String VIDEO_SIZE = "video.size";
    public static final String VIDEO_LAST_MODIFIED = "video.lastModified";
    public static final String VIDEO_DURATION = "video.durationMicros";
    public static final String VIDEO_WIDTH = "video.width";
    public static final String VIDEO_HEIGHT = "video.height";

    public PlannedVideo {
        Objects.requireNonNull(videoId, "videoId must not be null");
        Objects.requireNonNull(nodeId, "nodeId must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(lastModified, "lastModified must not be null");
    }

    /** {@code <node>-<videoId>}, short enough for Spring Batch's step names (100 characters with the step's own). */
    public String partitionName() {
        return nodeId + "-" + videoId;
    }

    /** The partition's ExecutionContext: everything its worker needs to find and read the file. */
    public ExecutionContext toContext() {
        ExecutionContext context = new ExecutionContext();
        context.putString(NODE, nodeId);
        context.putString(VIDEO_ID, videoId);
        context.putString(VIDEO_PATH, path.toString());
        context.putLong(VIDEO_FRAMES, frames);
        context.putDouble(VIDEO_FPS, fps);
        context.putLong(VIDEO_SIZE, sizeBytes);
        context.putLong(VIDEO_LAST_MODIFIED, lastModified.toEpochMilli());
        context.putLong(VIDEO_DURATION, durationMicros);
        context.putInt(VIDEO_WIDTH, width);
        context.putInt(VIDEO_HEIGHT, height);
        return context;
    }

    /**
     * The video a partition's context describes.
     *
     * @throws IllegalStateException naming the missing key, for a context no {@link #toContext()} made
     */
    public static PlannedVideo fromContext(ExecutionContext context) {
        for (String key : new String[] {NODE, VIDEO_ID, VIDEO_PATH, VIDEO_FRAMES, VIDEO_FPS, VIDEO_SIZE,
                VIDEO_LAST_MODIFIED, VIDEO_DURATION, VIDEO_WIDTH, VIDEO_HEIGHT}) {
            if (!context.containsKey(key)) {
                throw new IllegalStateException("the partition's context has no '" + key + "': it was not made by the video plan");
            }
        }
        return new PlannedVideo(context.getString(VIDEO_ID), context.getString(NODE), Path.of(context.getString(VIDEO_PATH)),
                context.getLong(VIDEO_SIZE), Instant.ofEpochMilli(context.getLong(VIDEO_LAST_MODIFIED)),
                context.getLong(VIDEO_FRAMES), context.getDouble(VIDEO_FPS), context.getLong(VIDEO_DURATION),
                context.getInt(VIDEO_WIDTH), context.getInt(VIDEO_HEIGHT));
    }
}
