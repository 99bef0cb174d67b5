package org.edgebatch.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null handling shared by the records' binding factories: an absent list is empty, an empty entry is an error. */
final class SpecValues {

    private SpecValues() {
    }

    static <T> List<T> list(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new SpecFieldException(field + "[" + i + "]", "must not be empty");
            }
        }
        return List.copyOf(values);
    }

    static Map<String, String> map(String field, Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        var copy = new LinkedHashMap<String, String>();
        values.forEach((key, value) -> {
            if (value == null) {
                throw new SpecFieldException(field + "." + key, "must not be empty");
            }
            copy.put(key, value);
        });
        return copy;
    }
}
