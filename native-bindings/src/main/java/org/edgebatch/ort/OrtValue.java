package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * A native tensor ({@code OrtValue*}): either created over the caller's memory (zero copy; the caller keeps that
 * memory alive and unchanged while the value is in use) or produced by a run (its data belongs to ONNX Runtime and is
 * readable until the value is closed).
 */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
public final class OrtValue implements AutoCloseable {

    private final OrtApiBinding api;
    private final MemorySegment handle;
    private final TensorInfo info;
    private final MemorySegment data;
    private final Arena dataScope;
    private final LifecycleGuard guard;

    private OrtValue(OrtApiBinding api, MemorySegment handle, TensorInfo info, MemorySegment data, Arena dataScope) {
        this.api = api;
        this.handle = handle;
        this.info = info;
        this.data = data;
        this.dataScope = dataScope;
        this.guard = new LifecycleGuard("OrtValue " + info);
    }

    /** A tensor over caller-owned native memory; the first {@code elements × element size} bytes are used. */
    static OrtValue overCallerMemory(OrtContext context, MemorySegment data, ElementType type, long... shape) {
        Objects.requireNonNull(data, "data must not be null");
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(shape, "shape must not be null");
        if (type.byteSize() == 0) {
            throw new IllegalArgumentException("Cannot create a tensor of element type " + type
                    + " over raw memory; it has no fixed element size");
        }
        if (!data.isNative()) {
            throw new IllegalArgumentException("Tensor data must be native memory (zero copy); got a heap segment of "
                    + data.byteSize() + " bytes");
        }
        TensorInfo info = new TensorInfo("", type, shape);
        if (!info.isStatic()) {
            throw new IllegalArgumentException("A tensor needs a concrete shape; got " + Arrays.toString(shape));
        }
        long bytes = info.byteSize();
        if (data.byteSize() < bytes) {
            throw new IllegalArgumentException("Tensor data has " + data.byteSize() + " bytes; shape "
                    + Arrays.toString(shape) + " of " + type + " needs " + bytes);
        }
        MemorySegment handle;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dims = arena.allocate(JAVA_LONG, Math.max(shape.length, 1));
            MemorySegment.copy(shape, 0, dims, JAVA_LONG, 0, shape.length);
            MemorySegment out = arena.allocate(ADDRESS);
            context.status().call("Creating tensor " + type + Arrays.toString(shape),
                    OrtApi.CREATE_TENSOR_WITH_DATA_AS_ORT_VALUE, context.cpuMemoryInfo(), data, bytes, dims,
                    (long) shape.length, type.code(), out);
            handle = out.get(ADDRESS, 0);
        }
        return new OrtValue(context.api(), handle, info, data.asSlice(0, bytes), null);
    }

    /** Takes ownership of an {@code OrtValue*} a run produced; releases it if it cannot be read. */
    static OrtValue fromRunOutput(OrtContext context, MemorySegment handle, String name, String description) {
        Arena scope = null;
        try {
            TensorInfo info = context.types().fromValue(name, handle, description);
            MemorySegment pointer;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                context.status().call(description, OrtApi.GET_TENSOR_MUTABLE_DATA, handle, out);
                pointer = out.get(ADDRESS, 0);
            }
            scope = Arena.ofShared();
            long bytes = info.elementType().byteSize() == 0 ? 0 : info.byteSize();
            return new OrtValue(context.api(), handle, info, pointer.reinterpret(bytes, scope, null), scope);
        } catch (RuntimeException | Error e) {
            if (scope != null) {
                scope.close();
            }
            context.api().release(OrtApi.RELEASE_VALUE, handle);
            throw e;
        }
    }

    /** Name (the model output's name; empty for tensors created by the caller), element type and shape. */
    public TensorInfo info() {
        return info;
    }

    /** The element type. */
    public ElementType elementType() {
        return info.elementType();
    }

    /** A copy of the shape. */
    public long[] shape() {
        return info.shape();
    }

    /**
     * The tensor's bytes, row-major, without a copy.
     *
     * @throws IllegalStateException once the value is closed (reading an earlier returned segment then fails too,
     *                               for values a run produced)
     */
    public MemorySegment data() {
        if (guard.isClosed()) {
            throw new IllegalStateException("OrtValue " + info + " is closed");
        }
        return data;
    }

    /** True once closed. */
    public boolean isClosed() {
        return guard.isClosed();
    }

    /**
     * The native handle for one call; pair with {@link #endUse()}.
     *
     * @throws IllegalStateException when the value is closed or the caller's memory under it has been freed
     */
    MemorySegment beginUse() {
        guard.enter();
        if (!data.scope().isAlive()) {
            guard.exit();
            throw new IllegalStateException("The memory under OrtValue " + info + " has been freed");
        }
        return handle;
    }

    void endUse() {
        guard.exit();
    }

    /** Releases the native value (not caller-owned memory); idempotent. */
    @Override
    public void close() {
        if (guard.close()) {
            api.release(OrtApi.RELEASE_VALUE, handle);
            if (dataScope != null) {
                dataScope.close();
            }
        }
    }

    @Override
    public String toString() {
        return "OrtValue[" + info + (isClosed() ? ", closed]" : "]");
    }
}
