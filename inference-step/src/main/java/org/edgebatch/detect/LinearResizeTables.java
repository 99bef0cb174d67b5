package org.edgebatch.detect;

/**
 * Source offsets and fixed-point weights for resizing {@code sourceWidth x sourceHeight} packed BGR to
 * {@code width x height}, computed once per size pair the way OpenCV's {@code resize(INTER_LINEAR)}
 * computes them for 8-bit images (half-pixel centres, 11-bit weights, edge pixels repeated), so the
 * result matches {@code cv2.resize}, which is what the models were trained and validated with.
 */
record LinearResizeTables(int sourceWidth, int sourceHeight, int width, int height,
                          int[] xOffset0, int[] xOffset1, int[] alpha0, int[] alpha1,
                          int[] row0, int[] row1, int[] beta0, int[] beta1) {

    /** OpenCV's INTER_RESIZE_COEF_SCALE: weights are integers out of 2048. */
    static final int WEIGHT_ONE = 1 << 11;

    static LinearResizeTables of(int sourceWidth, int sourceHeight, int width, int height) {
        int[] xOffset0 = new int[width];
        int[] xOffset1 = new int[width];
        int[] alpha0 = new int[width];
        int[] alpha1 = new int[width];
        // OpenCV derives the scale from the inverse ratio; 1/(w/W) is not always bitwise W/w.
        double scaleX = 1.0 / ((double) width / sourceWidth);
        for (int dx = 0; dx < width; dx++) {
            float fx = (float) ((dx + 0.5) * scaleX - 0.5);
            int sx = (int) Math.floor(fx);
            fx -= sx;
            if (sx < 0) {
                fx = 0;
                sx = 0;
            }
            if (sx >= sourceWidth - 1) {
                fx = 0;
                sx = sourceWidth - 1;
            }
            xOffset0[dx] = sx * 3;
            xOffset1[dx] = Math.min(sx + 1, sourceWidth - 1) * 3;
            alpha0[dx] = weight(1f - fx);
            alpha1[dx] = weight(fx);
        }
        int[] row0 = new int[height];
        int[] row1 = new int[height];
        int[] beta0 = new int[height];
        int[] beta1 = new int[height];
        double scaleY = 1.0 / ((double) height / sourceHeight);
        for (int dy = 0; dy < height; dy++) {
            // Unlike x, OpenCV does not reset the vertical weight at the edges: it clips the row indices.
            float fy = (float) ((dy + 0.5) * scaleY - 0.5);
            int sy = (int) Math.floor(fy);
            fy -= sy;
            row0[dy] = clip(sy, sourceHeight);
            row1[dy] = clip(sy + 1, sourceHeight);
            beta0[dy] = weight(1f - fy);
            beta1[dy] = weight(fy);
        }
        return new LinearResizeTables(sourceWidth, sourceHeight, width, height,
                xOffset0, xOffset1, alpha0, alpha1, row0, row1, beta0, beta1);
    }

    boolean fits(int sourceWidth, int sourceHeight, int width, int height) {
        return this.sourceWidth == sourceWidth && this.sourceHeight == sourceHeight
                && this.width == width && this.height == height;
    }

    /** One output value from two horizontally resized rows, with OpenCV's SIMD rounding (VResizeLinearVec_32s8u). */
    static int vertical(int top, int bottom, int beta0, int beta1) {
        int value = ((((top >> 4) * beta0) >> 16) + (((bottom >> 4) * beta1) >> 16) + 2) >> 2;
        return Math.min(Math.max(value, 0), 255);
    }

    private static int weight(float w) {
        return (int) Math.rint(w * WEIGHT_ONE);   // cvRound: half to even
    }

    private static int clip(int row, int rows) {
        return Math.min(Math.max(row, 0), rows - 1);
    }
}
