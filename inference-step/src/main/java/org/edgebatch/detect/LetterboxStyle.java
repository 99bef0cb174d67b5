package org.edgebatch.detect;

/**
 * How a model family wants its input image: where the resized image sits, the channel order and the
 * value range. Both styles resize with OpenCV's {@code INTER_LINEAR} and pad with grey 114.
 */
public enum LetterboxStyle {

    /**
     * Ultralytics YOLOv5/v8/11 {@code letterbox()}: size {@code round(w·r) x round(h·r)}, centred
     * (top = round(dh − 0.1), left = round(dw − 0.1)), RGB, values divided by 255.
     */
    ULTRALYTICS(true, true, true),

    /** YOLOX {@code preproc()}: size {@code int(w·r) x int(h·r)}, top-left aligned, BGR, values 0–255. */
    YOLOX(false, false, false);

    /** The grey both families pad with. */
    public static final int PAD_VALUE = 114;

    private final boolean centred;
    private final boolean rgb;
    private final boolean unitRange;

    LetterboxStyle(boolean centred, boolean rgb, boolean unitRange) {
        this.centred = centred;
        this.rgb = rgb;
        this.unitRange = unitRange;
    }

    /** Whether channel 0 of the tensor is red (else blue). */
    public boolean rgb() {
        return rgb;
    }

    /** Whether 8-bit values are divided by 255 (else fed as 0–255); ignored for a UINT8 input. */
    public boolean unitRange() {
        return unitRange;
    }

    /** The placement of a {@code sourceWidth x sourceHeight} image in a {@code width x height} input. */
    public LetterboxTransform place(int sourceWidth, int sourceHeight, int width, int height) {
        // Same double arithmetic as the Python originals, so the sizes agree to the pixel.
        double r = Math.min((double) height / sourceHeight, (double) width / sourceWidth);
        int resizedWidth;
        int resizedHeight;
        int left = 0;
        int top = 0;
        if (centred) {
            resizedWidth = (int) Math.rint(sourceWidth * r);   // Python round() rounds half to even, as rint
            resizedHeight = (int) Math.rint(sourceHeight * r);
            double dw = (width - resizedWidth) / 2.0;
            double dh = (height - resizedHeight) / 2.0;
            left = (int) Math.rint(dw - 0.1);
            top = (int) Math.rint(dh - 0.1);
        } else {
            resizedWidth = (int) (sourceWidth * r);
            resizedHeight = (int) (sourceHeight * r);
        }
        // A sliver of an image (e.g. 1x4000) may round to zero pixels; keep at least one.
        resizedWidth = Math.max(1, resizedWidth);
        resizedHeight = Math.max(1, resizedHeight);
        return new LetterboxTransform(sourceWidth, sourceHeight, resizedWidth, resizedHeight, left, top, r);
    }
}
