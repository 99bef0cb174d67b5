package org.edgebatch.step;

import java.util.Objects;
import org.edgebatch.video.VideoFrame;

/** A frame as the detect step reads it: decoded, and already judged by the motion gate ({@code infer} or not). */
public record GatedFrame(VideoFrame frame, boolean infer) {

    public GatedFrame {
        Objects.requireNonNull(frame, "frame must not be null");
    }
}
