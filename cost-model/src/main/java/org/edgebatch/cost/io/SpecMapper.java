package org.edgebatch.cost.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.edgebatch.cost.CostInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML or JSON into spec records and turns Jackson's failures into one line naming the file and the field
 * (unknown fields are errors in our own files; a run report, written by another program, may carry more).
 */
final class SpecMapper {

    private final ObjectMapper mapper;

    private SpecMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    // Jackson 3 mappers are immutable and thread-safe, and costly to build: one of each is shared.
    private static final SpecMapper STRICT_YAML = new SpecMapper(YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build());
    private static final SpecMapper LENIENT_JSON = new SpecMapper(JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build());

    /** Strict YAML: an unknown field is an error naming it. */
    static SpecMapper strictYaml() {
        return STRICT_YAML;
    }

    /** Lenient JSON: fields we do not read are ignored. */
    static SpecMapper lenientJson() {
        return LENIENT_JSON;
    }

    <T> T read(InputStream in, String sourceName, Class<T> type) {
        try (in) {
            T value = mapper.readValue(in, type);
            if (value == null) {
                throw new CostInputException(sourceName + ": the file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            // Jackson's own message is translated fully here; chaining it would print it twice.
            throw new CostInputException(sourceName + ": unknown field '" + path(e) + "'" + known(e.getKnownPropertyIds()));
        } catch (JacksonException e) {
            String path = path(e);
            TokenStreamLocation location = e.getLocation();
            String where = location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
            throw new CostInputException(sourceName + ": " + (path.isEmpty() ? "" : path + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable") + where);
        } catch (IOException e) {
            throw new CostInputException(sourceName + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return " (known here: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String path(JacksonException e) {
        List<JacksonException.Reference> references = e.getPath();
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
