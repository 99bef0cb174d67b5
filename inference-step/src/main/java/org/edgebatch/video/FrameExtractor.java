package org.edgebatch.video;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The full-resolution frame at a given index, the same pixels the {@link FrameReader} returned for
 * it (used to draw an event's snapshot from its best frame). With the frame's timestamp the extractor
 * seeks to the key frame before it; with the index alone it decodes from the start, which is exact in
 * every container but takes as long as decoding up to the frame. AVI files are always read from the start
 * because their timestamps are derived from indices.
 */
public final class FrameExtractor {

    private final int decoderThreads;

    public FrameExtractor(int decoderThreads) {
        if (decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException("decoderThreads must be 0..64, was " + decoderThreads);
        }
        this.decoderThreads = decoderThreads;
    }

    public FrameExtractor() {
        this(2);
    }

    /** Frame {@code frameIndex} of {@code video}, decoding from the start. */
    public VideoFrame extract(Path video, long frameIndex) {
        return extract(video, frameIndex, -1);
    }

    /**
     * Frame {@code frameIndex} of {@code video} whose timestamp the reader reported as
     * {@code timestampMicros}; found by seeking where the container allows it.
     */
    public VideoFrame extract(Path video, long frameIndex, long timestampMicros) {
        Objects.requireNonNull(video, "video must not be null");
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frameIndex must not be negative, was " + frameIndex);
        }
        String id = video.toString();
        try (VideoContainer container = VideoContainer.open(video)) {
            if (timestampMicros >= 0 && !container.dtsKeyed()) {
                VideoFrame found = seekAndTake(container, id, new FrameDecoder.Anchor(frameIndex, timestampMicros, 0));
                if (found != null) {
                    return found;
                }
            }
        }
        return decodeFromStart(video, id, frameIndex, timestampMicros);
    }

    private VideoFrame seekAndTake(VideoContainer container, String id, FrameDecoder.Anchor anchor) {
        try (FrameDecoder decoder = new FrameDecoder(container, id, false, decoderThreads)) {
            if (decoder.seekTo(anchor, true) != FrameDecoder.SeekResult.FOUND) {
                return null;
            }
            return take(decoder, id, decoder.next(), anchor.index());
        }
    }

    private VideoFrame decodeFromStart(Path video, String id, long frameIndex, long timestampMicros) {
        try (VideoContainer container = VideoContainer.open(video);
             FrameDecoder decoder = new FrameDecoder(container, id, false, decoderThreads)) {
            long frames = 0;
            for (FrameDecoder.Item item = decoder.next(); item != null; item = decoder.next()) {
                long index = switch (item) {
                    case FrameDecoder.Picture picture -> picture.index();
                    case FrameDecoder.Lost lost -> lost.index();
                    case FrameDecoder.Failure failure -> throw failure.exception();
                };
                frames = index + 1;
                if (index == frameIndex) {
                    VideoFrame frame = take(decoder, id, item, frameIndex);
                    if (timestampMicros >= 0 && frame.timestampMicros() != timestampMicros) {
                        throw new IllegalArgumentException(id + ": frame " + frameIndex + " is at " + frame.timestampMicros()
                                + " µs, not at the " + timestampMicros + " µs asked for");
                    }
                    return frame;
                }
            }
            throw new IllegalArgumentException(id + ": there is no frame " + frameIndex + "; the video has " + frames + " frames");
        }
    }

    private static VideoFrame take(FrameDecoder decoder, String id, FrameDecoder.Item item, long frameIndex) {
        return switch (item) {
            case FrameDecoder.Picture picture -> new VideoFrame(id, picture.index(), picture.timestampMicros(), picture.keyFrame(),
                    decoder.toImage(picture.width(), picture.height()), picture.width(), picture.height());
            case FrameDecoder.Lost lost -> throw new UndecodableFrameException(id, lost.index(), lost.timestampMicros(), lost.reason());
            case FrameDecoder.Failure failure -> throw failure.exception();
            case null -> throw new IllegalArgumentException(id + ": there is no frame " + frameIndex);
        };
    }
}
