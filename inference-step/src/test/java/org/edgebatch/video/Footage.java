package org.edgebatch.video;

import java.awt.image.BufferedImage;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.testsupport.data.SharedData;

/** Test helpers of this module: footage generated over bus.jpg, and frame fingerprints. */
final class Footage {

    /** What a read produced for one frame: its index, time, a hash of its pixels, or that it was undecodable. */
    record Seen(long index, long timestampMicros, long pixelHash, boolean keyFrame, boolean undecodable) {
    }

    private Footage() {
    }

    static Path video(String name) {
        return SharedData.video(name);
    }

    /**
     * Zidane (the right-hand person of zidane.jpg), scaled to the given height. Smoothly scaled, unlike
     * {@code FootageImages.person} of test-data: this module's expectations were set on these pixels.
     */
    static BufferedImage person(int height) {
        BufferedImage crop = FootageRenderer.Sprite.crop(SharedData.readImage("zidane.jpg"), 740, 40, 400, 680);
        return FootageRenderer.toBgr(crop, Math.max(2, height * 400 / 680), height);
    }

    /** A video over bus.jpg with a person walking from left to right between {@code moveFrom} and {@code moveTo} seconds. */
    static FootageRenderer.Builder walking(int width, int height, int fps, double seconds, double moveFrom, double moveTo) {
        BufferedImage person = person(height / 2);
        return FootageRenderer.builder().size(width, height).fps(fps).durationSeconds(seconds)
                .background(SharedData.readImage("bus.jpg"))
                .sprite(new FootageRenderer.Sprite(person, width / 20, height / 4, width - person.getWidth() - width / 20,
                        height / 4, moveFrom, moveTo));
    }

    static long pixelHash(BgrImage image) {
        MemorySegment pixels = image.pixels();
        long rowBytes = image.width() * 3L;
        long hash = 0xcbf29ce484222325L;
        for (int y = 0; y < image.height(); y++) {
            long row = (long) y * image.rowStride();
            long x = 0;
            for (; x + 8 <= rowBytes; x += 8) {
                hash = (hash ^ pixels.get(ValueLayout.JAVA_LONG_UNALIGNED, row + x)) * 0x100000001b3L;
            }
            for (; x < rowBytes; x++) {
                hash = (hash ^ pixels.get(ValueLayout.JAVA_BYTE, row + x)) * 0x100000001b3L;
            }
        }
        return hash;
    }

    /** Reads up to {@code limit} frames (undecodable ones included), keeping the reader's position after each. */
    static List<Seen> read(FrameReader reader, int limit, List<VideoPosition> positions) {
        List<Seen> seen = new ArrayList<>();
        while (seen.size() < limit) {
            try {
                VideoFrame frame = reader.read();
                if (frame == null) {
                    break;
                }
                seen.add(new Seen(frame.index(), frame.timestampMicros(), pixelHash(frame.image()), frame.keyFrame(), false));
            } catch (UndecodableFrameException e) {
                seen.add(new Seen(e.frameIndex(), e.timestampMicros(), 0, false, true));
            }
            if (positions != null) {
                positions.add(reader.position());
            }
        }
        return seen;
    }

    static List<Seen> readAll(Path video, FrameSampling sampling) {
        return readAll(video, sampling, 0);
    }

    /** Reads every frame, scaled to {@code maxWidth} when it is positive (cheaper, and as good for counting and comparing). */
    static List<Seen> readAll(Path video, FrameSampling sampling, int maxWidth) {
        try (FrameReader reader = FrameReader.builder(video).sampling(sampling).maxWidth(maxWidth).open()) {
            return read(reader, Integer.MAX_VALUE, null);
        }
    }
}
