package org.edgebatch.ort;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a session is opened: thread counts (0 = ONNX Runtime's default), graph optimisation level, execution mode,
 * execution provider and that provider's options (keys as in ONNX Runtime's provider documentation; none for CPU),
 * and session configuration entries (keys of {@code onnxruntime_session_options_config_keys.h}, set through
 * {@code AddSessionConfigEntry}).
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, GraphOptimizationLevel optimizationLevel,
        ExecutionMode executionMode, ExecutionProvider executionProvider, Map<String, String> providerOptions,
        Map<String, String> configEntries) {

    /** Whether idle intra-op threads spin waiting for work (ONNX Runtime's default "1") or sleep ("0"). */
    public static final String ALLOW_INTRA_OP_SPINNING = "session.intra_op.allow_spinning";

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
        Objects.requireNonNull(configEntries, "configEntries must not be null (use an empty map)");
        configEntries.forEach((key, value) -> {
            if (key.isBlank()) {
                throw new IllegalArgumentException("a session config entry needs a key, got '" + key + "' = '" + value + "'");
            }
        });
        configEntries = Map.copyOf(configEntries);
    }

    /** Without session config entries. */
    public SessionOptions(int intraOpThreads, int interOpThreads, GraphOptimizationLevel optimizationLevel,
            ExecutionMode executionMode, ExecutionProvider executionProvider, Map<String, String> providerOptions) {
        this(intraOpThreads, interOpThreads, optimizationLevel, executionMode, executionProvider, providerOptions, Map.of());
    }

    /** ONNX Runtime's default thread counts, all graph optimisations, sequential execution, CPU provider. */
    public static SessionOptions defaults() {
        return new SessionOptions(0, 0, GraphOptimizationLevel.ALL, ExecutionMode.SEQUENTIAL,
                ExecutionProvider.CPU, Map.of(), Map.of());
    }

    /** A copy with another intra-op thread count. */
    public SessionOptions withIntraOpThreads(int n) {
        return new SessionOptions(n, interOpThreads, optimizationLevel, executionMode, executionProvider, providerOptions,
                configEntries);
    }

    /** A copy with another inter-op thread count (used in {@link ExecutionMode#PARALLEL} only). */
    public SessionOptions withInterOpThreads(int n) {
        return new SessionOptions(intraOpThreads, n, optimizationLevel, executionMode, executionProvider, providerOptions,
                configEntries);
    }

    /** A copy with another graph optimisation level. */
    public SessionOptions withOptimizationLevel(GraphOptimizationLevel level) {
        return new SessionOptions(intraOpThreads, interOpThreads, level, executionMode, executionProvider, providerOptions,
                configEntries);
    }

    /** A copy with another execution mode. */
    public SessionOptions withExecutionMode(ExecutionMode mode) {
        return new SessionOptions(intraOpThreads, interOpThreads, optimizationLevel, mode, executionProvider, providerOptions,
                configEntries);
    }

    /** A copy with another execution provider (its options are kept; clear them for CPU). */
    public SessionOptions withExecutionProvider(ExecutionProvider provider) {
        return new SessionOptions(intraOpThreads, interOpThreads, optimizationLevel, executionMode, provider, providerOptions,
                configEntries);
    }

    /** A copy with other provider options. */
    public SessionOptions withProviderOptions(Map<String, String> options) {
        return new SessionOptions(intraOpThreads, interOpThreads, optimizationLevel, executionMode, executionProvider, options,
                configEntries);
    }

    /** A copy with one more session config entry (replacing one with the same key). */
    public SessionOptions withConfigEntry(String key, String value) {
        Map<String, String> entries = new HashMap<>(configEntries);
        entries.put(Objects.requireNonNull(key, "key must not be null"), Objects.requireNonNull(value, "value must not be null"));
        return new SessionOptions(intraOpThreads, interOpThreads, optimizationLevel, executionMode, executionProvider,
                providerOptions, entries);
    }

    /** A copy with these session config entries added (replacing any with the same keys). */
    public SessionOptions withConfigEntries(Map<String, String> added) {
        SessionOptions options = this;
        for (Map.Entry<String, String> entry : added.entrySet()) {
            options = options.withConfigEntry(entry.getKey(), entry.getValue());
        }
        return options;
    }
}
