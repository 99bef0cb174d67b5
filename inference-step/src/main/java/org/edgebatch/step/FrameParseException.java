package org.edgebatch.step;

import org.edgebatch.video.UndecodableFrameException;
import org.springframework.batch.infrastructure.item.ParseException;

/**
 * An undecodable frame as a Spring Batch reader throws it: a {@link ParseException}, which a skip policy may skip
 * (the detect step does) and reading goes on after. The video's own {@link UndecodableFrameException} is its cause,
 * and its message is the cause's.
 */
public class FrameParseException extends ParseException {

    private final UndecodableFrameException undecodable;

    public FrameParseException(UndecodableFrameException undecodable) {
        super(undecodable.getMessage(), undecodable);
        this.undecodable = undecodable;
    }

    /** The frame that could not be decoded, as the video reader reported it. */
    public UndecodableFrameException undecodable() {
        return undecodable;
    }

    /** Its index in the video. */
    public long frameIndex() {
        return undecodable.frameIndex();
    }
}
