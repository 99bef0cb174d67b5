package org.edgebatch.video;

import java.util.Objects;
import org.edgebatch.detect.BgrImage;

/**
 * One decoded frame: which video, its index (position in presentation order among all frames of the
 * file, the identity detection rows use), its time, and a BGR image it owns. {@code sourceWidth} and
 * {@code sourceHeight} are the decoded size; the image is smaller when the reader scales frames down.
 */
public record VideoFrame(String video, long index, long timestampMicros, boolean keyFrame, BgrImage image,
                         int sourceWidth, int sourceHeight) {

    public VideoFrame {
        Objects.requireNonNull(video, "video must not be null");
        Objects.requireNonNull(image, "image must not be null");
        if (index < 0) {
            throw new IllegalArgumentException("frame index must not be negative, was " + index);
        }
    }

    /** Whether the image was scaled from the decoded size. */
    public boolean resized() {
        return image.width() != sourceWidth || image.height() != sourceHeight;
    }

    /** Factor from image x coordinates back to decoded-frame coordinates. */
    public double scaleX() {
        return (double) sourceWidth / image.width();
    }

    /** Factor from image y coordinates back to decoded-frame coordinates. */
    public double scaleY() {
        return (double) sourceHeight / image.height();
    }
}
