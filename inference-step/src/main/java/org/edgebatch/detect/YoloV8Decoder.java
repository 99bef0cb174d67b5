package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.edgebatch.ort.ElementType;

/**
 * YOLOv8/11 output {@code [1, 4 + C, N]}, channel-major: rows 0–3 hold {@code cx, cy, w, h} of every
 * anchor, rows 4.. the class scores (no objectness). Scores are scanned class row by class row so
 * memory is read in order, not with a stride of N.
 */
public final class YoloV8Decoder implements YoloDecoder {

    private final int anchors;
    private final int classes;
    private final float[] best;
    private final int[] bestClass;

    public YoloV8Decoder(int anchors, int classes) {
        if (anchors <= 0 || classes <= 0) {
            throw new IllegalArgumentException("anchors and classes must be positive, were " + anchors + " and " + classes);
        }
        this.anchors = anchors;
        this.classes = classes;
        this.best = new float[anchors];
        this.bestClass = new int[anchors];
    }

    @Override
    public int classCount() {
        return classes;
    }

    @Override
    public void decode(MemorySegment output, ElementType type, float confidence, ClassFilter filter, Candidates out) {
        boolean half = OutputElements.isHalf(output, type, (long) anchors * (4 + classes), "YOLOv8");
        // Starting at the threshold keeps only scores above it, and the first of equal scores wins.
        Arrays.fill(best, confidence);
        Arrays.fill(bestClass, -1);
        for (int c = 0; c < classes; c++) {
            long row = (long) (4 + c) * anchors;
            for (int i = 0; i < anchors; i++) {
                float value = OutputElements.read(output, row + i, half);
                if (value > best[i]) {
                    best[i] = value;
                    bestClass[i] = c;
                }
            }
        }
        for (int i = 0; i < anchors; i++) {
            int c = bestClass[i];
            if (c >= 0 && filter.accepts(c)) {
                out.addCentred(OutputElements.read(output, i, half), OutputElements.read(output, anchors + i, half),
                        OutputElements.read(output, 2L * anchors + i, half), OutputElements.read(output, 3L * anchors + i, half),
                        best[i], c);
            }
        }
    }
}
