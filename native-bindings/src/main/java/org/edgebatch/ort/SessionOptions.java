package org.edgebatch.ort;

import java.util.Map;
import java.util.Objects;

/**
 * How a session is opened: thread counts (0 = ONNX Runtime's default), graph optimisation level, execution mode,
 * execution provider and that provider's options (keys as in ONNX Runtime's provider documentation; none for CPU).
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, GraphOptimizationLevel optimizationLevel,
        ExecutionMode executionMode, ExecutionProvider executionProvider, Map<String, String> providerOptions) {

    /** Checks every component; the provider options are copied. */
    public SessionOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = ONNX Runtime default), was " + intraOpThreads);
        }
        if (interOpThreads < 0) {
            throw new IllegalArgumentException("interOpThreads must be >= 0 (0 = ONNX Runtime default), was " + interOpThreads);
        }
        Objects.requireNonNull(optimizationLevel, "optimizationLevel must not be null");
        Objects.requireNonNull(executionMode, "executionMode must not be null");
        Objects.requireNonNull(executionProvider, "executionProvider must not be null");
        Objects.requireNonNull(providerOptions, "providerOptions must not be null (use an empty map)");
        providerOptions = Map.copyOf(providerOptions);
    }

    /** ONNX Runtime's default thread counts, all graph optimisations, sequential execution, CPU provider. */
    public static SessionOptions defaults() {
        return new SessionOptions(0, 0, GraphOptimizationLevel.ALL, ExecutionMode.SEQUENTIAL,
                ExecutionProvider.CPU, Map.of());
    }

    /** A copy with another intra-op thread count. */
    public SessionOptions withIntraOpThreads(int n) {
        return new SessionOptions(n, interOpThreads, optimizationLevel, executionMode, executionProvider, providerOptions);
    }

    /** A copy with another inter-op thread count (used in {@link ExecutionMode#PARALLEL} only). */
    public SessionOptions withInterOpThreads(int n) {
        return new SessionOptions(intraOpThreads, n, optimizationLevel, executionMode, executionProvider, providerOptions);
    }

    /** A copy with another graph optimisation level. */
    public SessionOptions withOptimizationLevel(GraphOptimizationLevel level) {
        return new SessionOptions(intraOpThreads, interOpThreads, level, executionMode, executionProvider, providerOptions);
    }

    /** A copy with another execution mode. */
    public SessionOptions withExecutionMode(ExecutionMode mode) {
        return new SessionOptions(intraOpThreads, interOpThreads, optimizationLevel, mode, executionProvider, providerOptions);
    }

    /** A copy with another execution provider (its options are kept; clear them for CPU). */
    public SessionOptions withExecutionProvider(ExecutionProvider provider) {
        return new SessionOptions(intraOpThreads, interOpThreads, optimizationLevel, executionMode, provider, providerOptions);
    }

    /** A copy with other provider options. */
    public SessionOptions withProviderOptions(Map<String, String> options) {
        return new SessionOptions(intraOpThreads, interOpThreads, optimizationLevel, executionMode, executionProvider, options);
    }
}
