package org.edgebatch.detect;

import java.util.Objects;
import org.edgebatch.ort.ElementType;

/**
 * The image input a detection model expects: an NCHW tensor of {@code [1, 3, height, width]} elements of
 * {@code elementType} (FLOAT32, FLOAT16 or UINT8).
 */
public record ModelInput(int width, int height, ElementType elementType) {

    public ModelInput {
        Objects.requireNonNull(elementType, "elementType must not be null");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("model input size must be positive, was " + width + "x" + height);
        }
        if (elementType != ElementType.FLOAT32 && elementType != ElementType.FLOAT16 && elementType != ElementType.UINT8) {
            throw new IllegalArgumentException("model input element type " + elementType
                    + " is not supported; the image input must be FLOAT32, FLOAT16 or UINT8");
        }
    }

    /** Elements in one {@code [1, 3, height, width]} tensor. */
    public long elementCount() {
        return 3L * width * height;
    }

    /** Bytes of native memory the tensor takes. */
    public long byteSize() {
        return elementCount() * elementType.byteSize();
    }

    /**
     * The width to decode a {@code videoWidth x videoHeight} video at so that it still fills this input: frames are
     * scaled while being converted anyway, and a smaller frame is cheaper to copy and letterbox. 0 (keep the decoded
     * size) when the video is no larger than the input.
     */
    public int decodeWidth(int videoWidth, int videoHeight) {
        if (videoWidth <= 0 || videoHeight <= 0) {
            return 0;
        }
        double scale = Math.min((double) width / videoWidth, (double) height / videoHeight);
        return scale >= 1 ? 0 : (int) Math.ceil(videoWidth * scale);
    }

    /** The tensor shape, {@code [1, 3, height, width]}. */
    public long[] shape() {
        return new long[] {1, 3, height, width};
    }
}
