package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what a freshly opened session declares: its inputs, outputs and custom metadata. */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
final class SessionInspector {

    private final OrtContext context;
    private final MemorySegment session;
    private final String description;

    SessionInspector(OrtContext context, MemorySegment session, String description) {
        this.context = context;
        this.session = session;
        this.description = description;
    }

    List<TensorInfo> inputs() {
        return tensors(OrtApi.SESSION_GET_INPUT_COUNT, OrtApi.SESSION_GET_INPUT_NAME, OrtApi.SESSION_GET_INPUT_TYPE_INFO);
    }

    List<TensorInfo> outputs() {
        return tensors(OrtApi.SESSION_GET_OUTPUT_COUNT, OrtApi.SESSION_GET_OUTPUT_NAME,
                OrtApi.SESSION_GET_OUTPUT_TYPE_INFO);
    }

    /** The model's custom metadata map, sorted by key. */
    Map<String, String> customMetadata() {
        String what = "Reading the metadata of " + description;
        OrtStatusChecker status = context.status();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            status.call(what, OrtApi.SESSION_GET_MODEL_METADATA, session, out);
            MemorySegment metadata = out.get(ADDRESS, 0);
            try {
                MemorySegment keysOut = arena.allocate(ADDRESS);
                MemorySegment countOut = arena.allocate(JAVA_LONG);
                status.call(what, OrtApi.MODEL_METADATA_GET_CUSTOM_METADATA_MAP_KEYS, metadata, context.allocator(),
                        keysOut, countOut);
                long count = countOut.get(JAVA_LONG, 0);
                MemorySegment keys = keysOut.get(ADDRESS, 0).reinterpret(count * ADDRESS.byteSize());
                Map<String, String> map = new TreeMap<>();
                try {
                    for (long i = 0; i < count; i++) {
                        String key = NativeStrings.read(keys.getAtIndex(ADDRESS, i));
                        MemorySegment valueOut = arena.allocate(ADDRESS);
                        status.call(what, OrtApi.MODEL_METADATA_LOOKUP_CUSTOM_METADATA_MAP, metadata,
                                context.allocator(), arena.allocateFrom(key), valueOut);
                        MemorySegment value = valueOut.get(ADDRESS, 0);
                        map.put(key, NativeStrings.read(value));
                        context.free(value);
                    }
                } finally {
                    for (long i = 0; i < count; i++) {
                        context.free(keys.getAtIndex(ADDRESS, i));
                    }
                    context.free(keysOut.get(ADDRESS, 0));
                }
                return Collections.unmodifiableMap(map);
            } finally {
                context.api().release(OrtApi.RELEASE_MODEL_METADATA, metadata);
            }
        }
    }

    private List<TensorInfo> tensors(OrtApi countFunction, OrtApi nameFunction, OrtApi typeInfoFunction) {
        String what = "Reading the inputs and outputs of " + description;
        OrtStatusChecker status = context.status();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment countOut = arena.allocate(JAVA_LONG);
            status.call(what, countFunction, session, countOut);
            long count = countOut.get(JAVA_LONG, 0);
            List<TensorInfo> tensors = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                MemorySegment nameOut = arena.allocate(ADDRESS);
                status.call(what, nameFunction, session, i, context.allocator(), nameOut);
                String name = NativeStrings.read(nameOut.get(ADDRESS, 0));
                context.free(nameOut.get(ADDRESS, 0));
                MemorySegment typeOut = arena.allocate(ADDRESS);
                status.call(what, typeInfoFunction, session, i, typeOut);
                MemorySegment typeInfo = typeOut.get(ADDRESS, 0);
                try {
                    tensors.add(context.types().fromTypeInfo(name, typeInfo, what));
                } finally {
                    context.api().release(OrtApi.RELEASE_TYPE_INFO, typeInfo);
                }
            }
            return List.copyOf(tensors);
        }
    }
}
