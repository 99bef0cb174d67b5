package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ONNX Runtime, loaded and ready: the library, its {@code OrtEnv} (whose log messages go to {@link System.Logger}
 * {@code org.edgebatch.ort.onnxruntime}) and the sessions opened through it. One per process is typical; closing it
 * closes its sessions.
 */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
public final class OrtRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OrtRuntime.class.getName());
    private static final int ORT_ARENA_ALLOCATOR = 1;
    private static final int ORT_MEM_TYPE_DEFAULT = 0;

    private final OrtContext context;
    private final MemorySegment env;
    private final List<String> availableProviders;
    private final ProviderAppender providers;
    private final LifecycleGuard guard = new LifecycleGuard("OrtRuntime");
    private final Set<OrtSession> sessions = ConcurrentHashMap.newKeySet();

    private OrtRuntime(OrtLibrary library, OrtRuntimeOptions options) {
        OrtApiBinding api = library.api();
        OrtStatusChecker status = new OrtStatusChecker(api);
        MemorySegment createdEnv = MemorySegment.NULL;
        MemorySegment memoryInfo = MemorySegment.NULL;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            status.call("Creating the ONNX Runtime environment", OrtApi.CREATE_ENV_WITH_CUSTOM_LOGGER,
                    OrtLogBridge.CALLBACK, MemorySegment.NULL, options.logLevel().code(),
                    arena.allocateFrom(options.logId()), out);
            createdEnv = out.get(ADDRESS, 0);
            status.call("Creating the CPU memory info", OrtApi.CREATE_CPU_MEMORY_INFO, ORT_ARENA_ALLOCATOR,
                    ORT_MEM_TYPE_DEFAULT, out);
            memoryInfo = out.get(ADDRESS, 0);
            status.call("Getting the default allocator", OrtApi.GET_ALLOCATOR_WITH_DEFAULT_OPTIONS, out);
            MemorySegment allocator = out.get(ADDRESS, 0);
            this.context = new OrtContext(library, api, status, new TensorTypeReader(api, status), memoryInfo, allocator);
            this.availableProviders = readAvailableProviders(context, arena);
        } catch (RuntimeException | Error e) {
            api.release(OrtApi.RELEASE_MEMORY_INFO, memoryInfo);
            api.release(OrtApi.RELEASE_ENV, createdEnv);
            throw e;
        }
        this.env = createdEnv;
        this.providers = new ProviderAppender(context, availableProviders);
        LOG.log(System.Logger.Level.INFO, "ONNX Runtime {0} loaded from {1}; providers {2}", library.version(),
                library.path(), availableProviders);
    }

    /**
     * The library found the usual way (system property {@code edgebatch.onnxruntime.library}, environment variable
     * {@code ORT_LIBRARY_PATH}, else the onnxruntime jar), ONNX Runtime logging at WARNING.
     */
    public static OrtRuntime create() {
        return create(OrtRuntimeOptions.defaults());
    }

    /**
     * Loads ONNX Runtime as the options say.
     *
     * @throws OrtException naming the library path or resource when it cannot be found, loaded or bound
     */
    public static OrtRuntime create(OrtRuntimeOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        Path library = NativeLibraryLoader.forThisProcess().locate(options.library());
        return new OrtRuntime(OrtLibrary.load(library), options);
    }

    /** ONNX Runtime's version, e.g. {@code 1.29.0}. */
    public String version() {
        return context.library().version();
    }

    /** The library file in use. */
    public Path libraryPath() {
        return context.library().path();
    }

    /** The execution providers this ONNX Runtime build offers, as ONNX Runtime names them. */
    public List<String> availableProviders() {
        return availableProviders;
    }

    /**
     * Opens a model file.
     *
     * @throws OrtException with ONNX Runtime's message (naming the path) for a missing or invalid model, or an
     *                      execution provider that cannot be used
     */
    public OrtSession openSession(Path model, SessionOptions options) {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Path absolute = model.toAbsolutePath();
        return open(absolute.toString(), options, (nativeOptions, out, arena) -> context.status().call(
                "Opening model " + absolute, OrtApi.CREATE_SESSION, env, NativeStrings.path(absolute, arena),
                nativeOptions, out));
    }

    /**
     * Opens a model held in memory (the bytes are not needed after this returns).
     *
     * @throws OrtException with ONNX Runtime's message for an invalid model or an unusable execution provider
     */
    public OrtSession openSession(byte[] model, SessionOptions options) {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(options, "options must not be null");
        String description = "in-memory model (" + model.length + " bytes)";
        return open(description, options, (nativeOptions, out, arena) -> {
            MemorySegment bytes = arena.allocate(Math.max(model.length, 1));
            MemorySegment.copy(model, 0, bytes, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, model.length);
            context.status().call("Opening " + description, OrtApi.CREATE_SESSION_FROM_ARRAY, env, bytes,
                    (long) model.length, nativeOptions, out);
        });
    }

    /** Closes every session opened here, then releases the environment; idempotent. */
    @Override
    public void close() {
        if (guard.close()) {
            try {
                List.copyOf(sessions).forEach(OrtSession::close);
            } finally {
                context.api().release(OrtApi.RELEASE_MEMORY_INFO, context.cpuMemoryInfo());
                context.api().release(OrtApi.RELEASE_ENV, env);
            }
        }
    }

    @Override
    public String toString() {
        return "OrtRuntime[" + version() + " at " + libraryPath() + "]";
    }

    private interface SessionCreation {
        void create(MemorySegment nativeOptions, MemorySegment out, Arena arena);
    }

    private OrtSession open(String description, SessionOptions options, SessionCreation creation) {
        guard.enter();
        try {
            MemorySegment handle;
            try (NativeSessionOptions nativeOptions = NativeSessionOptions.create(context, options, providers);
                    Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                creation.create(nativeOptions.handle(), out, arena);
                handle = out.get(ADDRESS, 0);
            }
            OrtSession session = new OrtSession(context, handle, description, sessions::remove);
            sessions.add(session);
            LOG.log(System.Logger.Level.DEBUG, "Opened {0} with {1}", session, options);
            return session;
        } finally {
            guard.exit();
        }
    }

    private static List<String> readAvailableProviders(OrtContext context, Arena arena) {
        MemorySegment out = arena.allocate(ADDRESS);
        MemorySegment length = arena.allocate(JAVA_INT);
        context.status().call("Listing the available providers", OrtApi.GET_AVAILABLE_PROVIDERS, out, length);
        int count = length.get(JAVA_INT, 0);
        MemorySegment names = out.get(ADDRESS, 0).reinterpret(count * ADDRESS.byteSize());
        try {
            List<String> providers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                providers.add(NativeStrings.read(names.getAtIndex(ADDRESS, i)));
            }
            return List.copyOf(providers);
        } finally {
            context.status().call("Releasing the provider list", OrtApi.RELEASE_AVAILABLE_PROVIDERS,
                    out.get(ADDRESS, 0), count);
        }
    }
}
