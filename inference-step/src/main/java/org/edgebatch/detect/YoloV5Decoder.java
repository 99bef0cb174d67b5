package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import org.edgebatch.ort.ElementType;

/**
 * YOLOv5 output {@code [1, N, 5 + C]}: per row {@code cx, cy, w, h, objectness, C class scores}, already
 * sigmoided, in model-input pixels; score = objectness × class score.
 */
public final class YoloV5Decoder implements YoloDecoder {

    private final int rows;
    private final int classes;

    public YoloV5Decoder(int rows, int classes) {
        if (rows <= 0 || classes <= 0) {
            throw new IllegalArgumentException("rows and classes must be positive, were " + rows + " and " + classes);
        }
        this.rows = rows;
        this.classes = classes;
    }

    @Override
    public int classCount() {
        return classes;
    }

    @Override
    public void decode(MemorySegment output, ElementType type, float confidence, ClassFilter filter, Candidates out) {
        int stride = 5 + classes;
        boolean half = OutputElements.isHalf(output, type, (long) rows * stride, "YOLOv5");
        for (int r = 0; r < rows; r++) {
            long base = (long) r * stride;
            float objectness = OutputElements.read(output, base + 4, half);
            // Class scores are at most 1, so a row whose objectness fails the threshold cannot pass it.
            if (!(objectness > confidence)) {
                continue;
            }
            float best = Float.NEGATIVE_INFINITY;
            int bestClass = -1;
            for (int c = 0; c < classes; c++) {
                float value = OutputElements.read(output, base + 5 + c, half);
                if (value > best) {
                    best = value;
                    bestClass = c;
                }
            }
            float score = objectness * best;
            if (score > confidence && filter.accepts(bestClass)) {
                out.addCentred(OutputElements.read(output, base, half), OutputElements.read(output, base + 1, half),
                        OutputElements.read(output, base + 2, half), OutputElements.read(output, base + 3, half), score, bestClass);
            }
        }
    }
}
