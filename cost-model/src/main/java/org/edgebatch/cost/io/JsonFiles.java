package org.edgebatch.cost.io;

import java.io.InputStream;

/** Reads JSON written by other EdgeBatch programs (run reports): unknown fields are ignored, errors name the field. */
public final class JsonFiles {

    private JsonFiles() {
    }

    public static <T> T readLenient(InputStream in, String sourceName, Class<T> type) {
        return SpecMapper.lenientJson().read(in, sourceName, type);
    }
}
