package org.edgebatch.batch.partition;

/**
 * The keys a {@link VideoFilePartitioner} puts in each partition's ExecutionContext, read by the frame reader's
 * {@code partitionFile()} and by an application's own step-scoped beans ({@code #{stepExecutionContext['...']}}).
 */
public final class VideoPartitionKeys {

    /** The video file's absolute path. */
    public static final String FILE = "edgebatch.video.file";
    /** The id its frames and rows carry. */
    public static final String VIDEO_ID = "edgebatch.video.id";
    /** The node that holds it. */
    public static final String NODE = "edgebatch.node";

    private VideoPartitionKeys() {
    }
}
