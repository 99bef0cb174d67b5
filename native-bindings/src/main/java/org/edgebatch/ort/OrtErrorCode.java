package org.edgebatch.ort;

/**
 * ONNX Runtime's {@code OrtErrorCode}, numbered as in {@code onnxruntime_c_api.h}; {@link #UNKNOWN} stands for a
 * code newer than this list.
 */
public enum OrtErrorCode {
    OK(0),
    FAIL(1),
    INVALID_ARGUMENT(2),
    NO_SUCHFILE(3),
    NO_MODEL(4),
    ENGINE_ERROR(5),
    RUNTIME_EXCEPTION(6),
    INVALID_PROTOBUF(7),
    MODEL_LOADED(8),
    NOT_IMPLEMENTED(9),
    INVALID_GRAPH(10),
    EP_FAIL(11),
    MODEL_LOAD_CANCELED(12),
    MODEL_REQUIRES_COMPILATION(13),
    NOT_FOUND(14),
    DEVICE_RESET(15),
    UNKNOWN(-1);

    private final int code;

    OrtErrorCode(int code) {
        this.code = code;
    }

    /** The C enum value. */
    public int code() {
        return code;
    }

    /** The constant for a C enum value, {@link #UNKNOWN} for values this build does not know. */
    public static OrtErrorCode fromCode(int code) {
        for (OrtErrorCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
