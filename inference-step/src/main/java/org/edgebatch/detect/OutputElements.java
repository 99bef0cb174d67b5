package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.edgebatch.ort.ElementType;

/** Reads FLOAT32 or FLOAT16 output tensors as floats; the decoders' one access path. */
final class OutputElements {

    private OutputElements() {
    }

    /** Checks that {@code output} holds {@code count} elements of a type the decoders read. */
    static boolean isHalf(MemorySegment output, ElementType type, long count, String what) {
        if (type != ElementType.FLOAT32 && type != ElementType.FLOAT16) {
            throw new IllegalArgumentException(what + " output element type " + type + " is not supported; it must be FLOAT32 or FLOAT16");
        }
        long needed = count * type.byteSize();
        if (output.byteSize() < needed) {
            throw new IllegalArgumentException(what + " output holds " + output.byteSize() + " bytes, its shape needs " + needed);
        }
        return type == ElementType.FLOAT16;
    }

    static float read(MemorySegment output, long index, boolean half) {
        return half
                ? Float.float16ToFloat(output.get(ValueLayout.JAVA_SHORT_UNALIGNED, index * 2))
                : output.get(ValueLayout.JAVA_FLOAT_UNALIGNED, index * 4);
    }
}
