package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.util.Random;

/** Fills inputs deterministically and reads outputs as floats, for comparisons between runs and engines. */
final class TensorAssertions {

    private TensorAssertions() {
    }

    /** Fills FLOAT32 or FLOAT16 memory with seeded values in [0, scale). */
    static void fill(MemorySegment segment, ElementType type, long seed, float scale) {
        Random random = new Random(seed);
        if (type == ElementType.FLOAT16) {
            long count = segment.byteSize() / 2;
            for (long i = 0; i < count; i++) {
                segment.setAtIndex(JAVA_SHORT, i, Float.floatToFloat16(random.nextFloat() * scale));
            }
        } else {
            long count = segment.byteSize() / 4;
            for (long i = 0; i < count; i++) {
                segment.setAtIndex(JAVA_FLOAT, i, random.nextFloat() * scale);
            }
        }
    }

    /** FLOAT32 or FLOAT16 memory (native or a heap buffer of any alignment) as floats. */
    static float[] floats(MemorySegment segment, ElementType type) {
        if (type == ElementType.FLOAT16) {
            short[] halves = segment.toArray(JAVA_SHORT_UNALIGNED);
            float[] values = new float[halves.length];
            for (int i = 0; i < halves.length; i++) {
                values[i] = Float.float16ToFloat(halves[i]);
            }
            return values;
        }
        return segment.toArray(JAVA_FLOAT_UNALIGNED);
    }

    /** The largest absolute difference; infinite when the lengths differ or only one side is NaN. */
    static double maxAbsoluteDifference(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Float.isNaN(expected[i]) != Float.isNaN(actual[i])) {
                return Double.POSITIVE_INFINITY;
            }
            if (!Float.isNaN(expected[i])) {
                max = Math.max(max, Math.abs((double) expected[i] - actual[i]));
            }
        }
        return max;
    }
}
