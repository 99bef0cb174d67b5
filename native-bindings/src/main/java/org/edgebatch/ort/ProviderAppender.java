package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Appends the chosen execution provider to native session options through ONNX Runtime's append calls. A provider
 * whose library ONNX Runtime cannot use fails here, at session creation, with a message naming the provider, the
 * library looked for and the providers this build offers.
 */
final class ProviderAppender {

    private final OrtContext context;
    private final List<String> availableProviders;

    ProviderAppender(OrtContext context, List<String> availableProviders) {
        this.context = context;
        this.availableProviders = availableProviders;
    }

    void append(MemorySegment sessionOptions, ExecutionProvider provider, Map<String, String> options) {
        if (provider == ExecutionProvider.CPU) {
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("The cpu execution provider takes no provider options; got " + options);
            }
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment keys = NativeStrings.array(options.keySet(), options.size(), arena);
            MemorySegment values = NativeStrings.array(options.values(), options.size(), arena);
            long count = options.size();
            String what = "Appending the " + provider.id() + " execution provider";
            switch (provider) {
                case OPENVINO -> context.status().call(what, OrtApi.SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_OPENVINO_V2,
                        sessionOptions, keys, values, count);
                case TENSORRT -> appendWithOptionsObject(what, sessionOptions, keys, values, count,
                        OrtApi.CREATE_TENSORRT_PROVIDER_OPTIONS, OrtApi.UPDATE_TENSORRT_PROVIDER_OPTIONS,
                        OrtApi.SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_TENSORRT_V2,
                        OrtApi.RELEASE_TENSORRT_PROVIDER_OPTIONS, arena);
                case CUDA -> appendWithOptionsObject(what, sessionOptions, keys, values, count,
                        OrtApi.CREATE_CUDA_PROVIDER_OPTIONS, OrtApi.UPDATE_CUDA_PROVIDER_OPTIONS,
                        OrtApi.SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_CUDA_V2,
                        OrtApi.RELEASE_CUDA_PROVIDER_OPTIONS, arena);
                case CPU -> throw new IllegalStateException("unreachable");
            }
        } catch (OrtException e) {
            throw unavailable(provider, e);
        }
    }

    /* TensorRT and CUDA take an opaque options object: create, fill from the key/value pairs, append, release. */
    private void appendWithOptionsObject(String what, MemorySegment sessionOptions, MemorySegment keys,
            MemorySegment values, long count, OrtApi create, OrtApi update, OrtApi append, OrtApi release,
            Arena arena) {
        MemorySegment out = arena.allocate(ADDRESS);
        context.status().call(what, create, out);
        MemorySegment providerOptions = out.get(ADDRESS, 0);
        try {
            if (count > 0) {
                context.status().call(what, update, providerOptions, keys, values, count);
            }
            context.status().call(what, append, sessionOptions, providerOptions);
        } finally {
            context.api().release(release, providerOptions);
        }
    }

    private OrtException unavailable(ExecutionProvider provider, OrtException cause) {
        Path folder = context.library().path().getParent();
        String library = provider.libraryFileName().orElseThrow();
        String message = "Execution provider '" + provider.id() + "' (" + provider.ortName() + ") is not usable with "
                + "ONNX Runtime " + context.library().version() + " at " + context.library().path()
                + ": it needs the provider library " + library + " (looked for in " + folder
                + ") from an ONNX Runtime build with that provider, and its own dependencies. Available providers: "
                + availableProviders + ". ONNX Runtime said: " + cause.ortMessage().orElse(cause.getMessage());
        return new OrtException(message, cause.errorCode(), cause.ortMessage().orElse(null));
    }
}
