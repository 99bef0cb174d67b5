package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;

/**
 * A loaded ONNX Runtime library: its only entry point {@code OrtGetApiBase}, its version string and the bound
 * {@code OrtApi} table for {@link OrtApi#API_VERSION}.
 */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
record OrtLibrary(Path path, String version, OrtApiBinding api) {

    /**
     * Loads the library (never unloaded: ONNX Runtime's threads and static state must outlive every caller).
     *
     * @throws OrtException naming the file when it cannot be loaded, is not ONNX Runtime, or is too old
     */
    static OrtLibrary load(Path path) {
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(path, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new OrtException("Cannot load the ONNX Runtime library " + path + ": " + e.getMessage(),
                    OrtErrorCode.FAIL, e);
        }
        MemorySegment getApiBase = lookup.find("OrtGetApiBase").orElseThrow(() -> new OrtException(
                path + " does not export OrtGetApiBase; it is not an ONNX Runtime library", OrtErrorCode.FAIL));
        Linker linker = Linker.nativeLinker();
        try {
            MemorySegment base = ((MemorySegment) linker.downcallHandle(getApiBase, FunctionDescriptor.of(ADDRESS))
                    .invokeExact()).reinterpret(2 * ADDRESS.byteSize());
            MemorySegment getApi = base.getAtIndex(ADDRESS, 0);
            MemorySegment getVersionString = base.getAtIndex(ADDRESS, 1);
            String version = NativeStrings.read((MemorySegment) linker
                    .downcallHandle(getVersionString, FunctionDescriptor.of(ADDRESS)).invokeExact());
            MemorySegment table = (MemorySegment) linker
                    .downcallHandle(getApi, FunctionDescriptor.of(ADDRESS, JAVA_INT)).invokeExact(OrtApi.API_VERSION);
            if (table.equals(MemorySegment.NULL)) {
                throw new OrtException("ONNX Runtime " + version + " at " + path + " does not provide OrtApi version "
                        + OrtApi.API_VERSION + "; EdgeBatch needs ONNX Runtime " + OrtApi.SLOTS_TAKEN_FROM_VERSION
                        + " or newer", OrtErrorCode.NOT_IMPLEMENTED);
            }
            return new OrtLibrary(path, version, new OrtApiBinding(table, version));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrtException("Cannot bind the ONNX Runtime library " + path + ": " + t, OrtErrorCode.FAIL, t);
        }
    }
}
