package org.edgebatch.video;

import org.springframework.batch.infrastructure.item.ParseException;

/**
 * One frame FFmpeg could not decode (or decoded only with concealed errors). It is a
 * {@link ParseException}, so a skip policy can count and log it and reading goes on with the next frame.
 */
public class UndecodableFrameException extends ParseException {

    private final String video;
    private final long frameIndex;
    private final long timestampMicros;

    public UndecodableFrameException(String video, long frameIndex, long timestampMicros, String reason) {
        super(video + ": frame " + frameIndex + " at " + String.format(java.util.Locale.ROOT, "%.3f s", timestampMicros / 1e6)
                + " could not be decoded: " + reason);
        this.video = video;
        this.frameIndex = frameIndex;
        this.timestampMicros = timestampMicros;
    }

    public String video() {
        return video;
    }

    public long frameIndex() {
        return frameIndex;
    }

    public long timestampMicros() {
        return timestampMicros;
    }
}
