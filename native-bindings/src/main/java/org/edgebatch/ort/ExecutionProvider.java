package org.edgebatch.ort;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The execution providers EdgeBatch can ask ONNX Runtime for, chosen by name ({@code cpu}, {@code openvino},
 * {@code tensorrt}, {@code cuda}). Every provider but the CPU one lives in its own shared library that ONNX Runtime
 * loads from its own folder when the provider is appended to a session.
 */
public enum ExecutionProvider {
    CPU("cpu", "CPUExecutionProvider", null),
    OPENVINO("openvino", "OpenVINOExecutionProvider", "onnxruntime_providers_openvino"),
    TENSORRT("tensorrt", "TensorrtExecutionProvider", "onnxruntime_providers_tensorrt"),
    CUDA("cuda", "CUDAExecutionProvider", "onnxruntime_providers_cuda");

    private final String id;
    private final String ortName;
    private final String libraryName;

    ExecutionProvider(String id, String ortName, String libraryName) {
        this.id = id;
        this.ortName = ortName;
        this.libraryName = libraryName;
    }

    /** The short name used in job specs and on the command line, e.g. {@code openvino}. */
    public String id() {
        return id;
    }

    /** The name ONNX Runtime reports in {@code GetAvailableProviders}, e.g. {@code OpenVINOExecutionProvider}. */
    public String ortName() {
        return ortName;
    }

    /** The provider's shared library file on this OS (e.g. {@code libonnxruntime_providers_openvino.so}); none for CPU. */
    public Optional<String> libraryFileName() {
        return Optional.ofNullable(libraryName).map(System::mapLibraryName);
    }

    /**
     * The provider for a short name or ONNX Runtime name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ExecutionProvider byName(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (ExecutionProvider provider : values()) {
                if (provider.id.equals(wanted) || provider.ortName.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return provider;
                }
            }
        }
        String accepted = Arrays.stream(values()).map(ExecutionProvider::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unknown execution provider '" + name + "'; expected one of: " + accepted);
    }
}
