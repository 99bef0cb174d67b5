package org.edgebatch.detect;

/**
 * Source offsets and fixed-point weights for resizing {@code sourceWidth x sourceHeight} packed BGR to
 * {@code width x height}, computed once per size pair the way OpenCV's {@code resize(INTER_LINEAR)}
 * computes them for 8-bit images (half-pixel centres, 11-bit weights, edge pixels repeated), so the
 * result matches {@code cv2.resize}, which is what the models were trained and validated with.
 */
record LinearResizeTables(int sourceWidth, int sourceHeight, int width, int height, long[] columns, boolean singleTap,
                          int[] row0, int[] row1, int[] beta0, int[] beta1) {

    /** OpenCV's INTER_RESIZE_COEF_SCALE: weights are integers out of 2048. */
    static final int WEIGHT_ONE = 1 << 11;

    /**
     * Columns are packed one long each, {@code offset << 32 | alpha1 << 16 | alpha0}, because the
     * horizontal pass is bound by loads; the right neighbour is always at {@code offset + 3} (at the
     * right edge its weight is 0 and the row buffer has 3 spare bytes). {@code singleTap} says every
     * right-neighbour weight is 0 (odd integer downscales), so the horizontal pass can skip them.
     */
    static LinearResizeTables of(int sourceWidth, int sourceHeight, int width, int height) {
        long[] columns = new long[width];
        boolean singleTap = true;
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
            columns[dx] = (long) (sx * 3) << 32 | (long) weight(fx) << 16 | weight(1f - fx);
            singleTap &= weight(fx) == 0;
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
        return new LinearResizeTables(sourceWidth, sourceHeight, width, height, columns, singleTap, row0, row1, beta0, beta1);
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
