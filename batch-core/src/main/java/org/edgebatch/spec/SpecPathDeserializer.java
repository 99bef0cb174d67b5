package org.edgebatch.spec;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads a spec path as written ({@code ~} expanded, relative to the spec file's folder), instead of Jackson's own
 * reading, which takes {@code file:} URIs and resolves against the process's working directory.
 */
final class SpecPathDeserializer extends StdScalarDeserializer<Path> {

    /** The reader attribute holding the folder relative paths are taken from. */
    static final String BASE_DIR = SpecPathDeserializer.class.getName() + ".baseDir";

    SpecPathDeserializer() {
        super(Path.class);
    }

    @Override
    public Path deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.currentToken().isScalarValue()) {
            return (Path) context.handleUnexpectedToken(Path.class, parser);
        }
        String text = parser.getValueAsString();
        if (text == null || text.isBlank()) {
            return (Path) context.handleWeirdStringValue(Path.class, text, "a path must not be empty");
        }
        try {
            return SpecPaths.resolve(text, (Path) context.getAttribute(BASE_DIR));
        } catch (InvalidPathException e) {
            return (Path) context.handleWeirdStringValue(Path.class, text, e.getMessage());
        }
    }
}
