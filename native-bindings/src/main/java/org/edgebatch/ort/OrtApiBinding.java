package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link OrtApi} functions of one loaded ONNX Runtime library: reads each function pointer from the
 * {@code OrtApi} table once, refusing a table with a NULL slot, and calls them.
 */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
final class OrtApiBinding {

    /**
     * Run, taking the function pointer as its first argument. A constant handle the JIT can inline, so the hot path
     * neither boxes nor allocates.
     */
    static final MethodHandle RUN = Linker.nativeLinker().downcallHandle(OrtApi.RUN.descriptor());

    private final Map<OrtApi, MemorySegment> functions = new EnumMap<>(OrtApi.class);
    private final Map<OrtApi, MethodHandle> handles = new EnumMap<>(OrtApi.class);

    /**
     * @param table   the {@code const OrtApi*} returned by {@code GetApi}
     * @param version the library's version, for error messages
     * @throws OrtException naming the first slot that holds NULL
     */
    OrtApiBinding(MemorySegment table, String version) {
        int slots = 0;
        for (OrtApi function : OrtApi.values()) {
            slots = Math.max(slots, function.slot() + 1);
        }
        MemorySegment entries = table.reinterpret(slots * ADDRESS.byteSize());
        Linker linker = Linker.nativeLinker();
        for (OrtApi function : OrtApi.values()) {
            MemorySegment pointer = entries.getAtIndex(ADDRESS, function.slot());
            if (pointer.equals(MemorySegment.NULL)) {
                throw new OrtException("OrtApi slot " + function.slot() + " (" + function + ") is NULL in ONNX Runtime "
                        + version + "; the slot table was taken from " + OrtApi.SLOTS_TAKEN_FROM_VERSION,
                        OrtErrorCode.NOT_IMPLEMENTED);
            }
            functions.put(function, pointer);
            handles.put(function, linker.downcallHandle(pointer, function.descriptor()));
        }
    }

    /** The function pointer, e.g. to pass to {@link #RUN}. */
    MemorySegment function(OrtApi function) {
        return functions.get(function);
    }

    /**
     * Calls a function off the hot path (arguments are boxed). Returns what the function returns: a
     * {@code MemorySegment} for pointers (an {@code OrtStatus*} for status functions), an {@code Integer} for
     * {@code int}, {@code null} for {@code void}.
     */
    Object invoke(OrtApi function, Object... arguments) {
        try {
            return handles.get(function).invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrtException("Calling " + function + " failed: " + t, OrtErrorCode.FAIL, t);
        }
    }

    /** Calls a {@code Release*} function unless the object is NULL. */
    void release(OrtApi releaseFunction, MemorySegment object) {
        if (object != null && !object.equals(MemorySegment.NULL)) {
            invoke(releaseFunction, object);
        }
    }
}
