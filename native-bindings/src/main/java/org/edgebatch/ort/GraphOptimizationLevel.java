package org.edgebatch.ort;

/** ONNX Runtime's {@code GraphOptimizationLevel}: how much the graph is rewritten when a session opens. */
public enum GraphOptimizationLevel {
    DISABLE_ALL(0),
    BASIC(1),
    EXTENDED(2),
    ALL(99);

    private final int code;

    GraphOptimizationLevel(int code) {
        this.code = code;
    }

    /** The C enum value. */
    public int code() {
        return code;
    }
}
