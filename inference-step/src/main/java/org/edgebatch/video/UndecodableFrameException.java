package org.edgebatch.video;

import java.util.Locale;

/**
 * One frame FFmpeg could not decode (or decoded only with concealed errors). Only that frame is lost: the next
 * {@link FrameReader#read} goes on with the frame after it, so a caller may count and log it and carry on.
 */
public class UndecodableFrameException extends VideoDecodeException {

    private final long timestampMicros;

    public UndecodableFrameException(String video, long frameIndex, long timestampMicros, String reason) {
        super(video, frameIndex, video + ": frame " + frameIndex + " at "
                + String.format(Locale.ROOT, "%.3f s", timestampMicros / 1e6) + " could not be decoded: " + reason);
        this.timestampMicros = timestampMicros;
    }

    public long timestampMicros() {
        return timestampMicros;
    }
}
