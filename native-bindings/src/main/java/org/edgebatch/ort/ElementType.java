package org.edgebatch.ort;

/**
 * Tensor element types, numbered as {@code ONNXTensorElementDataType} in ONNX Runtime's
 * {@code onnxruntime_c_api.h} (the numbers are part of the ABI and never change).
 */
public enum ElementType {
    UNDEFINED(0, 0),
    FLOAT32(1, 4),
    UINT8(2, 1),
    INT8(3, 1),
    UINT16(4, 2),
    INT16(5, 2),
    INT32(6, 4),
    INT64(7, 8),
    STRING(8, 0),
    BOOL(9, 1),
    FLOAT16(10, 2),
    FLOAT64(11, 8),
    UINT32(12, 4),
    UINT64(13, 8),
    COMPLEX64(14, 8),
    COMPLEX128(15, 16),
    BFLOAT16(16, 2);

    private final int code;
    private final int byteSize;

    ElementType(int code, int byteSize) {
        this.code = code;
        this.byteSize = byteSize;
    }

    /** The {@code ONNXTensorElementDataType} value. */
    public int code() {
        return code;
    }

    /** Bytes per element; 0 where the size is not fixed (strings) or not defined. */
    public int byteSize() {
        return byteSize;
    }

    /** The type for an ONNX Runtime code; codes this build does not know map to {@link #UNDEFINED}. */
    public static ElementType fromCode(int code) {
        for (ElementType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return UNDEFINED;
    }
}
