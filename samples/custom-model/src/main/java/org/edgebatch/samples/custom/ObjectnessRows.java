package org.edgebatch.samples.custom;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.edgebatch.detect.Candidates;
import org.edgebatch.detect.ClassFilter;
import org.edgebatch.detect.YoloDecoder;
import org.edgebatch.ort.ElementType;

/** Rows of {@code cx, cy, w, h, objectness, ...}: one box per row whose objectness passes, all of class 0. */
final class ObjectnessRows implements YoloDecoder {

    private final int rows;
    private final int stride;

    ObjectnessRows(int rows, int stride) {
        this.rows = rows;
        this.stride = stride;
    }

    @Override
    public int classCount() {
        return 1;
    }

    @Override
    public void decode(MemorySegment output, ElementType type, float confidence, ClassFilter filter, Candidates out) {
        if (type != ElementType.FLOAT32 && type != ElementType.FLOAT16) {
            throw new IllegalArgumentException("output type " + type + " is not FLOAT32 or FLOAT16");
        }
        if (!filter.accepts(0)) {
            return;
        }
        boolean half = type == ElementType.FLOAT16;
        for (int r = 0; r < rows; r++) {
            long base = (long) r * stride;
            float objectness = read(output, base + 4, half);
            if (objectness > confidence) {
                out.addCentred(read(output, base, half), read(output, base + 1, half), read(output, base + 2, half),
                        read(output, base + 3, half), objectness, 0);
            }
        }
    }

    private static float read(MemorySegment output, long index, boolean half) {
        return half ? Float.float16ToFloat(output.get(ValueLayout.JAVA_SHORT_UNALIGNED, index * 2))
                : output.get(ValueLayout.JAVA_FLOAT_UNALIGNED, index * 4);
    }
}
