package org.edgebatch.ort;

import java.util.Optional;

/** A failure reported by ONNX Runtime (with its own message and error code) or found while driving it. */
public class OrtException extends RuntimeException {

    private final OrtErrorCode errorCode;
    private final String ortMessage;

    /** A failure found on the Java side, before or around a call into ONNX Runtime. */
    public OrtException(String message, OrtErrorCode errorCode) {
        this(message, errorCode, null, null);
    }

    /** A failure ONNX Runtime reported through an {@code OrtStatus}; {@code message} embeds {@code ortMessage}. */
    public OrtException(String message, OrtErrorCode errorCode, String ortMessage) {
        this(message, errorCode, ortMessage, null);
    }

    /** A failure found on the Java side that wraps another exception. */
    public OrtException(String message, OrtErrorCode errorCode, Throwable cause) {
        this(message, errorCode, null, cause);
    }

    private OrtException(String message, OrtErrorCode errorCode, String ortMessage, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.ortMessage = ortMessage;
    }

    /** ONNX Runtime's error code, or the code that best describes a Java-side failure. */
    public OrtErrorCode errorCode() {
        return errorCode;
    }

    /** ONNX Runtime's own message, when the failure came from an {@code OrtStatus}. */
    public Optional<String> ortMessage() {
        return Optional.ofNullable(ortMessage);
    }
}
