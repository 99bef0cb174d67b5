package org.edgebatch.ort;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the ONNX Runtime library is found and set up: an explicit library file or folder (else the system property
 * {@code edgebatch.onnxruntime.library}, the environment variable {@code ORT_LIBRARY_PATH}, then the library inside
 * the {@code com.microsoft.onnxruntime} jar), ONNX Runtime's log level and its log identifier.
 */
public record OrtRuntimeOptions(Optional<Path> library, LogLevel logLevel, String logId) {

    /** Checks every component. */
    public OrtRuntimeOptions {
        Objects.requireNonNull(library, "library must not be null (use Optional.empty())");
        Objects.requireNonNull(logLevel, "logLevel must not be null");
        Objects.requireNonNull(logId, "logId must not be null");
        if (logId.isBlank()) {
            throw new IllegalArgumentException("logId must not be blank");
        }
    }

    /** Library found the usual way, log level WARNING, log id {@code edgebatch}. */
    public static OrtRuntimeOptions defaults() {
        return new OrtRuntimeOptions(Optional.empty(), LogLevel.WARNING, "edgebatch");
    }

    /** A copy that loads this library file (or {@code libonnxruntime} inside this folder). */
    public OrtRuntimeOptions withLibrary(Path path) {
        return new OrtRuntimeOptions(Optional.of(path), logLevel, logId);
    }

    /** A copy with another log level. */
    public OrtRuntimeOptions withLogLevel(LogLevel level) {
        return new OrtRuntimeOptions(library, level, logId);
    }

    /** A copy with another log identifier. */
    public OrtRuntimeOptions withLogId(String id) {
        return new OrtRuntimeOptions(library, logLevel, id);
    }
}
