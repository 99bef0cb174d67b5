package org.edgebatch.video;

import java.nio.file.Path;

/**
 * Reports what a video file is without decoding it. Uses the same opener as the {@link FrameReader},
 * so a file the probe accepts is one the reader can read, with the same frame rate and count.
 */
public final class VideoProbe {

    private VideoProbe() {
    }

    /** Container, codec, size, fps, frame count, duration and bytes of {@code file}; {@link VideoFormatException} if it is no readable video. */
    public static VideoInfo probe(Path file) {
        try (VideoContainer container = VideoContainer.open(file)) {
            return container.info();
        }
    }
}
