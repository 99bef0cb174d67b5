package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import org.edgebatch.ort.ElementType;

/**
 * YOLOX output {@code [1, N, 5 + C]} with N = grid cells over strides 8, 16, 32, holding raw grid
 * outputs: {@code cx = (dx + gx)·s, cy = (dy + gy)·s, w = exp(lw)·s, h = exp(lh)·s}; objectness and
 * class scores are already sigmoided; score = objectness × class score.
 */
public final class YoloXDecoder implements YoloDecoder {

    private final int classes;
    private final float[] gridX;
    private final float[] gridY;
    private final float[] strides;

    public YoloXDecoder(int classes, int inputWidth, int inputHeight) {
        if (classes <= 0) {
            throw new IllegalArgumentException("classes must be positive, was " + classes);
        }
        this.classes = classes;
        int cells = OutputLayout.gridCells(inputWidth, inputHeight);
        gridX = new float[cells];
        gridY = new float[cells];
        strides = new float[cells];
        int i = 0;
        for (int stride : OutputLayout.STRIDES) {
            // Row-major per level, as YOLOX's meshgrid(arange(w), arange(h)) flattens.
            for (int y = 0; y < inputHeight / stride; y++) {
                for (int x = 0; x < inputWidth / stride; x++) {
                    gridX[i] = x;
                    gridY[i] = y;
                    strides[i] = stride;
                    i++;
                }
            }
        }
    }

    @Override
    public int classCount() {
        return classes;
    }

    @Override
    public void decode(MemorySegment output, ElementType type, float confidence, ClassFilter filter, Candidates out) {
        int stride = 5 + classes;
        int cells = strides.length;
        boolean half = OutputElements.isHalf(output, type, (long) cells * stride, "YOLOX");
        for (int r = 0; r < cells; r++) {
            long base = (long) r * stride;
            float objectness = OutputElements.read(output, base + 4, half);
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
                float s = strides[r];
                float cx = (OutputElements.read(output, base, half) + gridX[r]) * s;
                float cy = (OutputElements.read(output, base + 1, half) + gridY[r]) * s;
                float w = (float) Math.exp(OutputElements.read(output, base + 2, half)) * s;
                float h = (float) Math.exp(OutputElements.read(output, base + 3, half)) * s;
                out.addCentred(cx, cy, w, h, score, bestClass);
            }
        }
    }
}
