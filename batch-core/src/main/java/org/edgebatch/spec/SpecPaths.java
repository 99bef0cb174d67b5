package org.edgebatch.spec;

import tools.jackson.core.TokenStreamContext;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Field paths ({@code nodes[1].id}) and file paths ({@code ~/videos}) as the spec writes them. */
final class SpecPaths {

    private SpecPaths() {
    }

    /**
     * A path from the spec: {@code ~} and {@code ~/...} mean the user's home, a relative path is taken from {@code base}.
     * Not normalised, so a refusal can show both what was written and what it resolved to.
     */
    static Path resolve(String written, Path base) {
        String text = written.strip();
        Path path;
        if (text.equals("~")) {
            path = Path.of(System.getProperty("user.home"));
        } else if (text.startsWith("~/")) {
            path = Path.of(System.getProperty("user.home")).resolve(text.substring(2));
        } else {
            path = Path.of(text);
        }
        return path.isAbsolute() ? path : base.resolve(path);
    }

    /** The dotted field path of a parser's position: {@code model.confidence}, {@code input.paths[2]}. */
    static String field(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            // At a list's opening bracket the parser is already inside it, before any entry: no segment yet.
            if (!at.hasPathSegment()) {
                continue;
            }
            parts.push(at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.currentName());
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** The enclosing field: {@code model} for {@code model.path}, {@code input.paths} for {@code input.paths[0]}, {@code ""} at the top. */
    static String parent(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : field.substring(0, cut);
    }
}
