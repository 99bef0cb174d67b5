package org.edgebatch.job;

import org.edgebatch.step.FrameReaderCounters;
import org.edgebatch.step.VideoPositionKeys;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How far a detect partition is, as its step's streams keep it in the partition's ExecutionContext: the index of the
 * last committed frame (-1 before the first), pictures decoded in all its executions and in this one, and frames that
 * could not be decoded. The one place that knows those keys.
 *
 * @param lastFrameIndex        the last committed frame's index, -1 before the first chunk
 * @param decoded               pictures FFmpeg decoded across restarts
 * @param decodedThisExecution  pictures decoded by this step execution
 * @param undecodable           frames skipped as undecodable
 * @param fileIndex             in a partition of several files, the index of the one it is in (0 otherwise); the
 *                              last committed frame is that file's
 */
public record PartitionProgress(long lastFrameIndex, long decoded, long decodedThisExecution, long undecodable,
                                int fileIndex) {

    static final String FRAME_INDEX_KEY = new VideoPositionKeys(VideoPositionKeys.DEFAULT_NAME).key(VideoPositionKeys.FRAME_INDEX);
    static final String DECODED_KEY = FrameReaderCounters.NAME + "." + FrameReaderCounters.DECODED;
    static final String DECODED_THIS_EXECUTION_KEY = FrameReaderCounters.NAME + "." + FrameReaderCounters.DECODED_THIS_EXECUTION;
    static final String UNDECODABLE_KEY = FrameReaderCounters.NAME + "." + FrameReaderCounters.UNDECODABLE;

    /** The progress a partition's context holds (zeros, and -1 for the frame, when it has not committed a chunk). */
    public static PartitionProgress of(ExecutionContext context) {
        return new PartitionProgress(context.getLong(FRAME_INDEX_KEY, -1), context.getLong(DECODED_KEY, 0),
                context.getLong(DECODED_THIS_EXECUTION_KEY, 0), context.getLong(UNDECODABLE_KEY, 0),
                context.getInt(VideoGroup.FILE_INDEX, 0));
    }

    /** Frames read so far of the file it is in: up to and including the last committed one. */
    public long framesRead() {
        return lastFrameIndex + 1;
    }
}
