package org.edgebatch.video;

import java.nio.file.Path;
import java.util.Objects;

/** Builds a {@link FrameReader}; every setting is checked here, so a bad one fails before any file is opened. */
public final class FrameReaderBuilder {

    final Path file;
    String videoId;
    FrameSampling sampling = FrameSampling.everyFrame();
    int decoderThreads = 2;
    int maxWidth;

    FrameReaderBuilder(Path file) {
        this.file = Objects.requireNonNull(file, "file must not be null");
    }

    /** The id frames carry (default: the file's path as given). */
    public FrameReaderBuilder videoId(String videoId) {
        if (videoId == null || videoId.isBlank()) {
            throw new IllegalArgumentException("videoId must not be blank");
        }
        this.videoId = videoId;
        return this;
    }

    /** Which frames to return (default: every frame). */
    public FrameReaderBuilder sampling(FrameSampling sampling) {
        this.sampling = Objects.requireNonNull(sampling, "sampling must not be null");
        return this;
    }

    /** FFmpeg decoder threads (default 2; 0 lets FFmpeg choose one per core). */
    public FrameReaderBuilder decoderThreads(int decoderThreads) {
        if (decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException("decoderThreads must be 0..64, was " + decoderThreads);
        }
        this.decoderThreads = decoderThreads;
        return this;
    }

    /**
     * Scale frames wider than this down to it (keeping the aspect ratio) while converting to BGR, which
     * costs nothing extra; 0 (the default) keeps the decoded size.
     */
    public FrameReaderBuilder maxWidth(int maxWidth) {
        if (maxWidth < 0) {
            throw new IllegalArgumentException("maxWidth must not be negative, was " + maxWidth);
        }
        this.maxWidth = maxWidth;
        return this;
    }

    /** The reader, not yet open. */
    public FrameReader build() {
        return new FrameReader(this);
    }

    /** The reader, opened at the first frame: for try-with-resources. */
    public FrameReader open() {
        FrameReader reader = build();
        reader.open();
        return reader;
    }
}
