package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;

/**
 * The slot table: every {@code OrtApi} function EdgeBatch calls, with its index in {@code struct OrtApi} and its C
 * signature. This is the only place slot indices live.
 *
 * <p>{@code struct OrtApi} is append-only, so an index never changes once released. The indices were counted in
 * {@code include/onnxruntime/core/session/onnxruntime_c_api.h} of microsoft/onnxruntime: slots 0–216 in the
 * API&nbsp;13 header, slots 217–279 in the ONNX Runtime 1.18 header (API&nbsp;18), and both lists matched an
 * independent listing generated from a 1.23-era header. A wrong index calls the wrong function and crashes without a
 * message, so add a slot only after counting it in the header the same way.
 *
 * <p>Status-returning functions return {@code OrtStatus*} ({@code NULL} = success); {@code size_t} and
 * {@code int64_t} are {@code JAVA_LONG}, C enums are {@code JAVA_INT}.
 */
enum OrtApi {
    // OrtStatus
    GET_ERROR_CODE(1, FunctionDescriptor.of(JAVA_INT, ADDRESS)),
    GET_ERROR_MESSAGE(2, FunctionDescriptor.of(ADDRESS, ADDRESS)),
    // OrtEnv
    CREATE_ENV_WITH_CUSTOM_LOGGER(4, status(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS)),
    // OrtSession
    CREATE_SESSION(7, status(ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
    CREATE_SESSION_FROM_ARRAY(8, status(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS)),
    /*
     * Run returns its OrtStatus* as a plain 64-bit number: a pointer and an int64 come back in the same register on
     * every 64-bit ABI Java supports, and a number needs no MemorySegment object per call on the hot path.
     */
    RUN(9, FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS)),
    // OrtSessionOptions
    CREATE_SESSION_OPTIONS(10, status(ADDRESS)),
    SET_SESSION_EXECUTION_MODE(13, status(ADDRESS, JAVA_INT)),
    SET_SESSION_GRAPH_OPTIMIZATION_LEVEL(23, status(ADDRESS, JAVA_INT)),
    SET_INTRA_OP_NUM_THREADS(24, status(ADDRESS, JAVA_INT)),
    SET_INTER_OP_NUM_THREADS(25, status(ADDRESS, JAVA_INT)),
    // Session inputs and outputs
    SESSION_GET_INPUT_COUNT(30, status(ADDRESS, ADDRESS)),
    SESSION_GET_OUTPUT_COUNT(31, status(ADDRESS, ADDRESS)),
    SESSION_GET_INPUT_TYPE_INFO(33, status(ADDRESS, JAVA_LONG, ADDRESS)),
    SESSION_GET_OUTPUT_TYPE_INFO(34, status(ADDRESS, JAVA_LONG, ADDRESS)),
    SESSION_GET_INPUT_NAME(36, status(ADDRESS, JAVA_LONG, ADDRESS, ADDRESS)),
    SESSION_GET_OUTPUT_NAME(37, status(ADDRESS, JAVA_LONG, ADDRESS, ADDRESS)),
    // OrtValue
    CREATE_TENSOR_WITH_DATA_AS_ORT_VALUE(49, status(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS)),
    GET_TENSOR_MUTABLE_DATA(51, status(ADDRESS, ADDRESS)),
    // OrtTypeInfo and OrtTensorTypeAndShapeInfo
    CAST_TYPE_INFO_TO_TENSOR_INFO(55, status(ADDRESS, ADDRESS)),
    GET_ONNX_TYPE_FROM_TYPE_INFO(56, status(ADDRESS, ADDRESS)),
    GET_TENSOR_ELEMENT_TYPE(60, status(ADDRESS, ADDRESS)),
    GET_DIMENSIONS_COUNT(61, status(ADDRESS, ADDRESS)),
    GET_DIMENSIONS(62, status(ADDRESS, ADDRESS, JAVA_LONG)),
    GET_TENSOR_TYPE_AND_SHAPE(65, status(ADDRESS, ADDRESS)),
    // OrtMemoryInfo and OrtAllocator
    CREATE_CPU_MEMORY_INFO(69, status(JAVA_INT, JAVA_INT, ADDRESS)),
    ALLOCATOR_FREE(76, status(ADDRESS, ADDRESS)),
    GET_ALLOCATOR_WITH_DEFAULT_OPTIONS(78, status(ADDRESS)),
    // Release functions
    RELEASE_ENV(92, release()),
    RELEASE_STATUS(93, release()),
    RELEASE_MEMORY_INFO(94, release()),
    RELEASE_SESSION(95, release()),
    RELEASE_VALUE(96, release()),
    RELEASE_TYPE_INFO(98, release()),
    RELEASE_TENSOR_TYPE_AND_SHAPE_INFO(99, release()),
    RELEASE_SESSION_OPTIONS(100, release()),
    // OrtModelMetadata
    SESSION_GET_MODEL_METADATA(111, status(ADDRESS, ADDRESS)),
    MODEL_METADATA_LOOKUP_CUSTOM_METADATA_MAP(116, status(ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
    RELEASE_MODEL_METADATA(118, release()),
    MODEL_METADATA_GET_CUSTOM_METADATA_MAP_KEYS(123, status(ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
    // Providers
    GET_AVAILABLE_PROVIDERS(125, status(ADDRESS, ADDRESS)),
    RELEASE_AVAILABLE_PROVIDERS(126, status(ADDRESS, JAVA_INT)),
    ADD_SESSION_CONFIG_ENTRY(130, status(ADDRESS, ADDRESS, ADDRESS)),
    SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_TENSORRT_V2(170, status(ADDRESS, ADDRESS)),
    CREATE_TENSORRT_PROVIDER_OPTIONS(171, status(ADDRESS)),
    UPDATE_TENSORRT_PROVIDER_OPTIONS(172, status(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG)),
    RELEASE_TENSORRT_PROVIDER_OPTIONS(174, release()),
    SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_CUDA_V2(204, status(ADDRESS, ADDRESS)),
    CREATE_CUDA_PROVIDER_OPTIONS(205, status(ADDRESS)),
    UPDATE_CUDA_PROVIDER_OPTIONS(206, status(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG)),
    RELEASE_CUDA_PROVIDER_OPTIONS(208, release()),
    SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_OPENVINO_V2(275, status(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));

    /** The {@code ORT_API_VERSION} requested from {@code OrtApiBase::GetApi}: the newest slot used needs it. */
    static final int API_VERSION = 18;

    /** The ONNX Runtime release whose header {@link #API_VERSION} and the indices above come from. */
    static final String SLOTS_TAKEN_FROM_VERSION = "1.18.0";

    private final int slot;
    private final FunctionDescriptor descriptor;

    OrtApi(int slot, FunctionDescriptor descriptor) {
        this.slot = slot;
        this.descriptor = descriptor;
    }

    /** The index of the function pointer in {@code struct OrtApi}. */
    int slot() {
        return slot;
    }

    /** The C signature. */
    FunctionDescriptor descriptor() {
        return descriptor;
    }

    private static FunctionDescriptor status(MemoryLayout... arguments) {
        return FunctionDescriptor.of(ADDRESS, arguments);
    }

    private static FunctionDescriptor release() {
        return FunctionDescriptor.ofVoid(ADDRESS);
    }
}
