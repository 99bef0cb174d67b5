package org.edgebatch.detect;

/**
 * Where a source image landed in the model input: scaled by {@code scale} to
 * {@code resizedWidth x resizedHeight} and placed at {@code (padLeft, padTop)}. Maps model-input
 * coordinates back to source pixels.
 */
public record LetterboxTransform(int sourceWidth, int sourceHeight, int resizedWidth, int resizedHeight,
                                 int padLeft, int padTop, double scale) {

    public LetterboxTransform {
        if (sourceWidth <= 0 || sourceHeight <= 0 || resizedWidth <= 0 || resizedHeight <= 0) {
            throw new IllegalArgumentException("sizes must be positive: source " + sourceWidth + "x" + sourceHeight
                    + ", resized " + resizedWidth + "x" + resizedHeight);
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
    }

    /** A model-input x coordinate in source pixels, clipped to {@code [0, sourceWidth]}. */
    public float toSourceX(float x) {
        return clip((x - padLeft) / (float) scale, sourceWidth);
    }

    /** A model-input y coordinate in source pixels, clipped to {@code [0, sourceHeight]}. */
    public float toSourceY(float y) {
        return clip((y - padTop) / (float) scale, sourceHeight);
    }

    private static float clip(float value, int max) {
        return Math.min(Math.max(value, 0f), max);
    }
}
