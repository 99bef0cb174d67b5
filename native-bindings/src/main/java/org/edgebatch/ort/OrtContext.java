package org.edgebatch.ort;

import java.lang.foreign.MemorySegment;

/**
 * What every native object of one {@link OrtRuntime} needs: the bound API, the status checker, the type reader, the
 * CPU memory info tensors are created with and ONNX Runtime's default allocator (for strings it hands back).
 */
record OrtContext(OrtLibrary library, OrtApiBinding api, OrtStatusChecker status, TensorTypeReader types,
        MemorySegment cpuMemoryInfo, MemorySegment allocator) {

    /** Frees a string or array ONNX Runtime allocated with the default allocator. */
    void free(MemorySegment pointer) {
        if (!pointer.equals(MemorySegment.NULL)) {
            status.call("Freeing a string ONNX Runtime returned", OrtApi.ALLOCATOR_FREE, allocator, pointer);
        }
    }
}
