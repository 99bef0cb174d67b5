package org.edgebatch.detect;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A packed 8-bit BGR image (3 bytes a pixel, rows {@code rowStride} bytes apart) over any memory:
 * a Java array, a direct buffer filled by FFmpeg, or native memory. It is the one image type that
 * flows from the frame reader to pre-processing, so a decoded frame is never converted twice.
 */
public record BgrImage(int width, int height, int rowStride, MemorySegment pixels) {

    public BgrImage {
        Objects.requireNonNull(pixels, "pixels must not be null");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (rowStride < width * 3) {
            throw new IllegalArgumentException("rowStride " + rowStride + " is shorter than a row of " + width + " BGR pixels");
        }
        long needed = (long) rowStride * (height - 1) + width * 3L;
        if (pixels.byteSize() < needed) {
            throw new IllegalArgumentException("pixels hold " + pixels.byteSize() + " bytes, a " + width + "x" + height
                    + " image with stride " + rowStride + " needs " + needed);
        }
    }

    /** A tightly packed image over a new heap array. */
    public static BgrImage allocate(int width, int height) {
        return new BgrImage(width, height, width * 3, MemorySegment.ofArray(new byte[Math.multiplyExact(width * 3, height)]));
    }

    /** Wraps (without copying) a {@code TYPE_3BYTE_BGR} image, or converts any other type. */
    public static BgrImage of(BufferedImage image) {
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var g = bgr.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        return new BgrImage(bgr.getWidth(), bgr.getHeight(), bgr.getWidth() * 3, MemorySegment.ofArray(data));
    }

    /** A {@code TYPE_3BYTE_BGR} copy, for drawing on and writing with ImageIO. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        MemorySegment target = MemorySegment.ofArray(data);
        long rowBytes = width * 3L;
        for (int y = 0; y < height; y++) {
            MemorySegment.copy(pixels, (long) y * rowStride, target, y * rowBytes, rowBytes);
        }
        return out;
    }

    /** A tightly packed copy on the heap, independent of the memory this image was read from. */
    public BgrImage copy() {
        BgrImage copy = allocate(width, height);
        long rowBytes = width * 3L;
        for (int y = 0; y < height; y++) {
            MemorySegment.copy(pixels, (long) y * rowStride, copy.pixels, y * rowBytes, rowBytes);
        }
        return copy;
    }

    /** The blue, green or red byte (channel 0, 1, 2) of one pixel, as 0..255. */
    public int sample(int x, int y, int channel) {
        return Byte.toUnsignedInt(pixels.get(ValueLayout.JAVA_BYTE, (long) y * rowStride + x * 3L + channel));
    }
}
