package org.edgebatch.step;

import java.util.Objects;
import org.edgebatch.video.VideoPosition;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * The ExecutionContext keys a {@link VideoPosition} is saved under, {@code <name>.<key>}: the one place that names
 * them. They are the keys the frame reader saved its state under before it was plain Java, so executions saved then
 * still restart; changing one breaks the restart of every execution saved before.
 */
public final class VideoPositionKeys {

    /** The name a frame reader's position is saved under unless named otherwise. */
    public static final String DEFAULT_NAME = "frameReader";

    /** Key (under the name) of the index of the last frame returned. */
    public static final String FRAME_INDEX = "frameIndex";
    /** Key of its timestamp in microseconds from the start of the video. */
    public static final String TIMESTAMP_MICROS = "timestampMicros";
    /** Key of its timestamp in the stream's own time base (exact, used to find it again). */
    public static final String STREAM_TIMESTAMP = "streamTimestamp";
    /** Key of the last index read at all, returned or thrown as undecodable. */
    public static final String LAST_CONSUMED_INDEX = "lastConsumedIndex";
    /** Key of the video the saved position belongs to. */
    public static final String VIDEO = "video";

    private final String name;

    /** @param name the prefix of the keys, e.g. {@value #DEFAULT_NAME} */
    public VideoPositionKeys(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
    }

    /** The full key of {@code key} under this name, e.g. {@code frameReader.frameIndex}. */
    public String key(String key) {
        return name + "." + Objects.requireNonNull(key, "key must not be null");
    }

    /**
     * The position saved in {@code context} for {@code videoId}, or its start when none is saved.
     *
     * @throws ItemStreamException when the saved position belongs to another video
     */
    public VideoPosition read(ExecutionContext context, String videoId) {
        Objects.requireNonNull(context, "context must not be null");
        String savedVideo = context.getString(key(VIDEO), videoId);
        if (!savedVideo.equals(videoId)) {
            throw new ItemStreamException("the saved reader position belongs to video '" + savedVideo
                    + "', not to '" + videoId + "' (key " + key(VIDEO) + ")");
        }
        if (!context.containsKey(key(FRAME_INDEX))) {
            return new VideoPosition(videoId, -1, 0, 0, context.getLong(key(LAST_CONSUMED_INDEX), -1));
        }
        long frameIndex = context.getLong(key(FRAME_INDEX));
        return new VideoPosition(videoId, frameIndex, context.getLong(key(TIMESTAMP_MICROS)),
                context.getLong(key(STREAM_TIMESTAMP)), context.getLong(key(LAST_CONSUMED_INDEX), frameIndex));
    }

    /** Saves {@code position} into {@code context}; the start of a video saves nothing. */
    public void write(VideoPosition position, ExecutionContext context) {
        Objects.requireNonNull(position, "position must not be null");
        Objects.requireNonNull(context, "context must not be null");
        if (!position.atStart()) {
            context.putString(key(VIDEO), position.video());
            context.putLong(key(LAST_CONSUMED_INDEX), position.lastConsumedIndex());
        }
        if (position.hasReturnedFrame()) {
            context.putLong(key(FRAME_INDEX), position.frameIndex());
            context.putLong(key(TIMESTAMP_MICROS), position.timestampMicros());
            context.putLong(key(STREAM_TIMESTAMP), position.streamTimestamp());
        }
    }
}
