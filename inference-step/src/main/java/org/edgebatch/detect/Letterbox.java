package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;
import org.edgebatch.ort.ElementType;

/**
 * Writes a {@link BgrImage} into a model's NCHW input tensor the way its family expects
 * ({@link LetterboxStyle}): resized keeping the aspect ratio, padded with grey, straight into the
 * tensor's memory with no intermediate float image.
 *
 * <p>Not thread-safe: it keeps resize tables for the last image size and row buffers, so each thread
 * (each inference request) has its own. Every frame of a video has the same size, so the tables are
 * computed once per video.
 */
public final class Letterbox {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfShort HALF = ValueLayout.JAVA_SHORT_UNALIGNED;

    private final LetterboxStyle style;
    private final ModelInput input;
    private final float[] floatPadRow;
    private final short[] halfPadRow;
    private final byte[] bytePadRow;

    private LinearResizeTables tables;
    private byte[] sourceRow = new byte[0];
    private int[] resizedRow0 = new int[0];
    private int[] resizedRow1 = new int[0];
    private byte[] planes = new byte[0];
    private float[] floatPlanes = new float[0];
    private short[] halfPlanes = new short[0];
    private MemorySegment paddedTarget;
    private LetterboxTransform paddedPlacement;

    public Letterbox(LetterboxStyle style, ModelInput input) {
        this.style = Objects.requireNonNull(style, "style must not be null");
        this.input = Objects.requireNonNull(input, "input must not be null");
        int pad = LetterboxStyle.PAD_VALUE;
        // Same float32 division as torch's im.float() / 255.
        float padValue = style.unitRange() ? pad / 255f : pad;
        floatPadRow = new float[input.width()];
        Arrays.fill(floatPadRow, padValue);
        halfPadRow = new short[input.width()];
        Arrays.fill(halfPadRow, Float.floatToFloat16(padValue));
        bytePadRow = new byte[input.width()];
        Arrays.fill(bytePadRow, (byte) pad);
    }

    public LetterboxStyle style() {
        return style;
    }

    public ModelInput input() {
        return input;
    }

    /**
     * Writes {@code image} into {@code target} (at least {@link ModelInput#byteSize()} bytes, native
     * byte order) and returns where it landed, to map boxes back.
     *
     * <p>The padding is written only when the target (the same segment object) or the image's placement changes
     * from the previous call: a video's frames all land in the same place, and rewriting the padding cost as much
     * as the image itself. Nothing else may write into a target's padding between calls.
     */
    public LetterboxTransform apply(BgrImage image, MemorySegment target) {
        Objects.requireNonNull(image, "image must not be null");
        if (target.byteSize() < input.byteSize()) {
            throw new IllegalArgumentException("target holds " + target.byteSize() + " bytes, the " + input.width() + "x"
                    + input.height() + " " + input.elementType() + " input needs " + input.byteSize());
        }
        LetterboxTransform placement = style.place(image.width(), image.height(), input.width(), input.height());
        prepare(image.width(), image.height(), placement.resizedWidth(), placement.resizedHeight());
        if (target != paddedTarget || !samePadding(placement, paddedPlacement)) {
            writePadding(target, placement);
            paddedTarget = target;
            paddedPlacement = placement;
        }
        writeImage(image, target, placement);
        return placement;
    }

    private static boolean samePadding(LetterboxTransform a, LetterboxTransform b) {
        return b != null && a.padLeft() == b.padLeft() && a.padTop() == b.padTop()
                && a.resizedWidth() == b.resizedWidth() && a.resizedHeight() == b.resizedHeight();
    }

    private void prepare(int sourceWidth, int sourceHeight, int width, int height) {
        if (tables != null && tables.fits(sourceWidth, sourceHeight, width, height)) {
            return;
        }
        tables = LinearResizeTables.of(sourceWidth, sourceHeight, width, height);
        sourceRow = new byte[sourceWidth * 3 + 3];
        resizedRow0 = new int[width * 3];
        resizedRow1 = new int[width * 3];
        planes = new byte[width * 3];
        if (input.elementType() == ElementType.FLOAT32) {
            floatPlanes = new float[width * 3];
        } else if (input.elementType() == ElementType.FLOAT16) {
            halfPlanes = new short[width * 3];
        }
    }

    private void writeImage(BgrImage image, MemorySegment target, LetterboxTransform placement) {
        LinearResizeTables t = tables;
        int width = t.width();
        int[] row0 = resizedRow0;
        int[] row1 = resizedRow1;
        int tag0 = -1;
        int tag1 = -1;
        for (int dy = 0; dy < t.height(); dy++) {
            int s0 = t.row0()[dy];
            int s1 = t.row1()[dy];
            if (tag0 != s0) {
                if (tag1 == s0) {
                    int[] swap = row0;
                    row0 = row1;
                    row1 = swap;
                    tag1 = tag0;
                } else {
                    resizeRow(image, s0, row0);
                }
                tag0 = s0;
            }
            int[] bottom = row0;
            // A zero weight makes the second row irrelevant: skipping it halves the work of odd integer
            // downscales such as 1080p to 640x360, without changing a bit of the result.
            if (s1 != s0 && t.beta1()[dy] != 0) {
                if (tag1 != s1) {
                    resizeRow(image, s1, row1);
                    tag1 = s1;
                }
                bottom = row1;
            }
            store(target, row0, bottom, t.beta0()[dy], t.beta1()[dy], placement.padTop() + dy, placement.padLeft(), width);
        }
    }

    /** Horizontal pass over one source row into 11-bit fixed point, one plane per channel in BGR order. */
    private void resizeRow(BgrImage image, int sourceY, int[] out) {
        byte[] src = sourceRow;
        MemorySegment.copy(image.pixels(), ValueLayout.JAVA_BYTE, (long) sourceY * image.rowStride(), src, 0, src.length - 3);
        long[] columns = tables.columns();
        int width = columns.length;
        if (tables.singleTap()) {
            for (int dx = 0; dx < width; dx++) {
                long column = columns[dx];
                int p = (int) (column >>> 32);
                int w0 = (int) column & 0xffff;
                out[dx] = (src[p] & 0xff) * w0;
                out[width + dx] = (src[p + 1] & 0xff) * w0;
                out[2 * width + dx] = (src[p + 2] & 0xff) * w0;
            }
            return;
        }
        for (int dx = 0; dx < width; dx++) {
            long column = columns[dx];
            int p = (int) (column >>> 32);
            int w0 = (int) column & 0xffff;
            int w1 = (int) column >>> 16 & 0xffff;
            out[dx] = (src[p] & 0xff) * w0 + (src[p + 3] & 0xff) * w1;
            out[width + dx] = (src[p + 1] & 0xff) * w0 + (src[p + 4] & 0xff) * w1;
            out[2 * width + dx] = (src[p + 2] & 0xff) * w0 + (src[p + 5] & 0xff) * w1;
        }
    }

    /**
     * Vertical pass, rounded to 8 bits like cv2.resize's output, converted to the tensor's element type
     * and copied into the tensor row. The loops are plain element-wise arithmetic so C2 vectorises them.
     */
    private void store(MemorySegment target, int[] top, int[] bottom, int beta0, int beta1, int y, int x, int width) {
        int n = 3 * width;
        switch (input.elementType()) {
            case FLOAT32 -> {
                float[] values = floatPlanes;
                if (style.unitRange()) {
                    for (int i = 0; i < n; i++) {
                        values[i] = LinearResizeTables.vertical(top[i], bottom[i], beta0, beta1) / 255f;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        values[i] = LinearResizeTables.vertical(top[i], bottom[i], beta0, beta1);
                    }
                }
                for (int c = 0; c < 3; c++) {
                    MemorySegment.copy(values, c * width, target, FLOAT, element(c, y, x) * 4, width);
                }
            }
            case FLOAT16 -> {
                short[] values = halfPlanes;
                if (style.unitRange()) {
                    for (int i = 0; i < n; i++) {
                        values[i] = Float.floatToFloat16(LinearResizeTables.vertical(top[i], bottom[i], beta0, beta1) / 255f);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        values[i] = Float.floatToFloat16(LinearResizeTables.vertical(top[i], bottom[i], beta0, beta1));
                    }
                }
                for (int c = 0; c < 3; c++) {
                    MemorySegment.copy(values, c * width, target, HALF, element(c, y, x) * 2, width);
                }
            }
            default -> {
                byte[] values = planes;
                for (int i = 0; i < n; i++) {
                    values[i] = (byte) LinearResizeTables.vertical(top[i], bottom[i], beta0, beta1);
                }
                for (int c = 0; c < 3; c++) {
                    MemorySegment.copy(values, c * width, target, ValueLayout.JAVA_BYTE, element(c, y, x), width);
                }
            }
        }
    }

    /** The tensor index of a pixel of source channel {@code c} (0 = blue), in the style's channel order. */
    private long element(int c, int y, int x) {
        int channel = style.rgb() ? 2 - c : c;
        return ((long) channel * input.height() + y) * input.width() + x;
    }

    private void writePadding(MemorySegment target, LetterboxTransform placement) {
        int width = input.width();
        int height = input.height();
        int left = placement.padLeft();
        int right = left + placement.resizedWidth();
        int top = placement.padTop();
        int bottom = top + placement.resizedHeight();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                long rowStart = ((long) c * height + y) * width;
                if (y < top || y >= bottom) {
                    pad(target, rowStart, width);
                } else {
                    pad(target, rowStart, left);
                    pad(target, rowStart + right, width - right);
                }
            }
        }
    }

    private void pad(MemorySegment target, long element, int count) {
        if (count <= 0) {
            return;
        }
        switch (input.elementType()) {
            case FLOAT32 -> MemorySegment.copy(floatPadRow, 0, target, FLOAT, element * 4, count);
            case FLOAT16 -> MemorySegment.copy(halfPadRow, 0, target, HALF, element * 2, count);
            default -> MemorySegment.copy(bytePadRow, 0, target, ValueLayout.JAVA_BYTE, element, count);
        }
    }
}
