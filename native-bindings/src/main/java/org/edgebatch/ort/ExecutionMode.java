package org.edgebatch.ort;

/** ONNX Runtime's {@code ExecutionMode}: run graph nodes one after another or independent branches in parallel. */
public enum ExecutionMode {
    SEQUENTIAL(0),
    PARALLEL(1);

    private final int code;

    ExecutionMode(int code) {
        this.code = code;
    }

    /** The C enum value. */
    public int code() {
        return code;
    }
}
