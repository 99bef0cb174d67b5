package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** An {@code OrtSessionOptions*} built from {@link SessionOptions}; released right after the session is created. */
final class NativeSessionOptions implements AutoCloseable {

    private final OrtContext context;
    private final MemorySegment handle;

    private NativeSessionOptions(OrtContext context, MemorySegment handle) {
        this.context = context;
        this.handle = handle;
    }

    static NativeSessionOptions create(OrtContext context, SessionOptions options, ProviderAppender providers) {
        MemorySegment handle;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            context.status().call("Creating session options", OrtApi.CREATE_SESSION_OPTIONS, out);
            handle = out.get(ADDRESS, 0);
        }
        NativeSessionOptions created = new NativeSessionOptions(context, handle);
        try {
            OrtStatusChecker status = context.status();
            String what = "Setting session options " + options;
            status.call(what, OrtApi.SET_INTRA_OP_NUM_THREADS, handle, options.intraOpThreads());
            status.call(what, OrtApi.SET_INTER_OP_NUM_THREADS, handle, options.interOpThreads());
            status.call(what, OrtApi.SET_SESSION_GRAPH_OPTIMIZATION_LEVEL, handle, options.optimizationLevel().code());
            status.call(what, OrtApi.SET_SESSION_EXECUTION_MODE, handle, options.executionMode().code());
            try (Arena arena = Arena.ofConfined()) {
                for (var entry : options.configEntries().entrySet()) {
                    status.call("Setting the session config entry " + entry.getKey() + "=" + entry.getValue(),
                            OrtApi.ADD_SESSION_CONFIG_ENTRY, handle, arena.allocateFrom(entry.getKey()),
                            arena.allocateFrom(entry.getValue()));
                }
            }
            providers.append(handle, options.executionProvider(), options.providerOptions());
            return created;
        } catch (RuntimeException | Error e) {
            created.close();
            throw e;
        }
    }

    MemorySegment handle() {
        return handle;
    }

    @Override
    public void close() {
        context.api().release(OrtApi.RELEASE_SESSION_OPTIONS, handle);
    }
}
