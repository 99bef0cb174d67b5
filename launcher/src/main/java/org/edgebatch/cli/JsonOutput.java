package org.edgebatch.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the commands print with {@code --json}: records serialised by Jackson with their component names as
 * fields, in declaration order, so the shape is the record's and stays stable.
 */
final class JsonOutput {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private JsonOutput() {
    }

    /** One value as one line of JSON. */
    static String line(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** One value as indented JSON. */
    static String pretty(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
