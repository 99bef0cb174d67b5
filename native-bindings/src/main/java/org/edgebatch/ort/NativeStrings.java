package org.edgebatch.ort;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** C strings to and from Java: UTF-8 everywhere, except paths on Windows, where ONNX Runtime takes wide strings. */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
final class NativeStrings {

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private NativeStrings() {
    }

    /** Reads a NUL-terminated UTF-8 string; NULL reads as the empty string. */
    static String read(MemorySegment cString) {
        if (cString.equals(MemorySegment.NULL)) {
            return "";
        }
        return cString.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }

    /** An {@code ORTCHAR_T*} for a path: UTF-8 {@code char*}, or UTF-16 {@code wchar_t*} on Windows. */
    static MemorySegment path(Path path, Arena arena) {
        String text = path.toString();
        return WINDOWS ? arena.allocateFrom(text + '\0', StandardCharsets.UTF_16LE) : arena.allocateFrom(text);
    }

    /** A {@code const char* const*} array of NUL-terminated UTF-8 strings. */
    static MemorySegment array(Iterable<String> values, int count, Arena arena) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, Math.max(count, 1));
        int index = 0;
        for (String value : values) {
            array.setAtIndex(ValueLayout.ADDRESS, index++, arena.allocateFrom(value));
        }
        return array;
    }
}
