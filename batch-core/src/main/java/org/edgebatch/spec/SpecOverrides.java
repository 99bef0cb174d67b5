package org.edgebatch.spec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies command-line overrides ({@code model.confidence=0.4}, {@code input.paths=/a,/b}) to the spec's YAML tree
 * before it is bound, so an overridden value meets exactly the checks a written one does. Values stay text and are
 * converted by the same binding; list fields split on commas; paths are taken from the working directory, where the
 * command was typed. Setting one sampling mode replaces the spec's mode rather than clashing with it.
 */
final class SpecOverrides {

    private final Path workingDirectory;

    SpecOverrides(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Every field an override can set, dotted. */
    static List<String> overridableFields() {
        List<String> out = new ArrayList<>();
        collect(SpecSchema.JOB, "", out);
        return out;
    }

    private static void collect(SpecSchema.Section section, String prefix, List<String> out) {
        section.fields().values().forEach(field -> {
            String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
            switch (field) {
                case SpecSchema.Section nested -> collect(nested, path, out);
                case SpecSchema.Composite composite -> {
                }
                default -> out.add(path);
            }
        });
    }

    /**
     * Writes the overrides into {@code tree}, in key order.
     *
     * @param overridden receives the keys applied (and the sections they replaced whole), so problems with them can
     *                   say they came from an override
     * @return problems with the keys themselves (unknown, a section, not settable); the others are applied
     */
    List<SpecProblem> apply(ObjectNode tree, Map<String, String> overrides, Set<String> overridden) {
        List<SpecProblem> problems = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        new TreeMap<>(overrides).forEach((rawKey, value) -> {
            String key = rawKey.strip();
            String error = applyOne(tree, key, value == null ? "" : value, replaced);
            if (error == null) {
                overridden.add(key);
            } else {
                problems.add(SpecProblem.of(key, error));
            }
        });
        overridden.addAll(replaced);
        return problems;
    }

    private String applyOne(ObjectNode tree, String key, String value, Set<String> replaced) {
        if (key.isEmpty()) {
            return "an override needs a field name, as in model.confidence=0.4";
        }
        String[] names = key.split("\\.", -1);
        SpecSchema.Section section = SpecSchema.JOB;
        ObjectNode node = tree;
        for (int i = 0; i < names.length - 1; i++) {
            SpecSchema.Field field = section.fields().get(names[i]);
            String at = String.join(".", Arrays.copyOfRange(names, 0, i + 1));
            if (field == null) {
                return unknown(key, section, at);
            }
            if (!(field instanceof SpecSchema.Section nested)) {
                return "unknown override '" + key + "': " + at + " has no fields";
            }
            section = nested;
            // The sampling modes exclude each other: an override's mode replaces the file's (but two overrides still clash).
            boolean replace = nested.type() == SamplingSpec.class && replaced.add(at);
            node = childObject(node, names[i], replace);
        }
        String name = names[names.length - 1];
        SpecSchema.Field field = section.fields().get(name);
        return switch (field) {
            case null -> unknown(key, section, key);
            case SpecSchema.Section nested -> "override '" + key + "' names a section; set one of its fields: "
                    + String.join(", ", nested.fields().keySet().stream().map(f -> key + "." + f).toList());
            case SpecSchema.Composite composite -> "override '" + key + "' cannot be set from the command line ("
                    + key + " is " + composite.shape() + "); write it in the spec file";
            case SpecSchema.Scalar scalar -> {
                node.put(name, pathOrText(scalar.type(), value));
                yield null;
            }
            case SpecSchema.ScalarList list -> {
                ArrayNode array = node.putArray(name);
                Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(element -> array.add(pathOrText(list.elementType(), element)));
                yield null;
            }
        };
    }

    private static String unknown(String key, SpecSchema.Section section, String at) {
        String parent = at.contains(".") ? at.substring(0, at.lastIndexOf('.')) : "";
        return "unknown override '" + key + "'; known fields" + (parent.isEmpty() ? "" : " of " + parent)
                + ": " + String.join(", ", section.fields().keySet());
    }

    /** The named child object, replacing whatever else stood there, or everything in it when {@code replace}. */
    private static ObjectNode childObject(ObjectNode parent, String name, boolean replace) {
        JsonNode child = parent.get(name);
        if (child instanceof ObjectNode object && !replace) {
            return object;
        }
        return parent.putObject(name);
    }

    private String pathOrText(Class<?> type, String value) {
        if (type == Path.class && !value.isBlank()) {
            try {
                return SpecPaths.resolve(value, workingDirectory).toString();
            } catch (InvalidPathException e) {
                // Left as written: binding reports it with the same words as in a file.
                return value;
            }
        }
        return value;
    }
}
