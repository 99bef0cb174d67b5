package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Reads element types and shapes out of ONNX Runtime's type objects into {@link TensorInfo}s. */
final class TensorTypeReader {

    private static final int ONNX_TYPE_TENSOR = 1;

    private final OrtApiBinding api;
    private final OrtStatusChecker status;

    TensorTypeReader(OrtApiBinding api, OrtStatusChecker status) {
        this.api = api;
        this.status = status;
    }

    /**
     * The tensor description inside an {@code OrtTypeInfo*} (a model input or output); the type info is not released.
     *
     * @throws OrtException when the value is not a tensor (a sequence, map, ...)
     */
    TensorInfo fromTypeInfo(String name, MemorySegment typeInfo, String context) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment onnxType = arena.allocate(JAVA_INT);
            status.call(context, OrtApi.GET_ONNX_TYPE_FROM_TYPE_INFO, typeInfo, onnxType);
            if (onnxType.get(JAVA_INT, 0) != ONNX_TYPE_TENSOR) {
                throw new OrtException(context + ": '" + name + "' is not a tensor (ONNXType "
                        + onnxType.get(JAVA_INT, 0) + "); only tensor inputs and outputs are supported",
                        OrtErrorCode.NOT_IMPLEMENTED);
            }
            MemorySegment tensorInfo = arena.allocate(ADDRESS);
            status.call(context, OrtApi.CAST_TYPE_INFO_TO_TENSOR_INFO, typeInfo, tensorInfo);
            return fromTensorInfo(name, tensorInfo.get(ADDRESS, 0), context);
        }
    }

    /** The type and shape of a tensor {@code OrtValue*}. */
    TensorInfo fromValue(String name, MemorySegment value, String context) {
        MemorySegment tensorInfo;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            status.call(context, OrtApi.GET_TENSOR_TYPE_AND_SHAPE, value, out);
            tensorInfo = out.get(ADDRESS, 0);
        }
        try {
            return fromTensorInfo(name, tensorInfo, context);
        } finally {
            api.release(OrtApi.RELEASE_TENSOR_TYPE_AND_SHAPE_INFO, tensorInfo);
        }
    }

    /** Reads an {@code OrtTensorTypeAndShapeInfo*} without releasing it. */
    TensorInfo fromTensorInfo(String name, MemorySegment tensorInfo, String context) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment type = arena.allocate(JAVA_INT);
            status.call(context, OrtApi.GET_TENSOR_ELEMENT_TYPE, tensorInfo, type);
            MemorySegment count = arena.allocate(JAVA_LONG);
            status.call(context, OrtApi.GET_DIMENSIONS_COUNT, tensorInfo, count);
            int rank = Math.toIntExact(count.get(JAVA_LONG, 0));
            MemorySegment dims = arena.allocate(JAVA_LONG, Math.max(rank, 1));
            status.call(context, OrtApi.GET_DIMENSIONS, tensorInfo, dims, (long) rank);
            long[] shape = new long[rank];
            for (int i = 0; i < rank; i++) {
                shape[i] = Math.max(dims.getAtIndex(JAVA_LONG, i), -1L);
            }
            return new TensorInfo(name, ElementType.fromCode(type.get(JAVA_INT, 0)), shape);
        }
    }
}
