package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec's fields as Jackson binds them, read from the same {@code @JsonCreator} factories, so overrides and the
 * documentation test know every field without a second list to keep in step.
 */
final class SpecSchema {

    /** One field of a section. */
    sealed interface Field {
        String name();
    }

    /** A field holding one value: text, a number, a path, a target. */
    record Scalar(String name, Class<?> type) implements Field {
    }

    /** A field holding a list of single values ({@code input.paths}, {@code model.classes}). */
    record ScalarList(String name, Class<?> elementType) implements Field {
    }

    /** A field holding fields of its own ({@code model}). */
    record Section(String name, Class<?> type, Map<String, Field> fields) implements Field {
    }

    /** A list of sections or a mapping ({@code nodes}, {@code nodes[].labels}): written in a spec file only. */
    record Composite(String name, String shape, Optional<Section> element) implements Field {
    }

    static final Section JOB = section("", JobSpec.class);

    private SpecSchema() {
    }

    /** Every field's dotted path, sections' own fields included ({@code nodes.id} stands for each node's id). */
    static List<String> allFields() {
        List<String> out = new ArrayList<>();
        collect(JOB, "", out);
        return out;
    }

    private static void collect(Section section, String prefix, List<String> out) {
        for (Field field : section.fields().values()) {
            String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
            out.add(path);
            switch (field) {
                case Section nested -> collect(nested, path, out);
                case Composite composite -> composite.element().ifPresent(element -> collect(element, path, out));
                default -> {
                }
            }
        }
    }

    private static Section section(String name, Class<?> type) {
        Method creator = creator(type).orElseThrow(() -> new IllegalStateException(type + " has no properties-based @JsonCreator"));
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Parameter parameter : creator.getParameters()) {
            if (!parameter.isNamePresent()) {
                throw new IllegalStateException("compile with -parameters: " + creator + " has no parameter names");
            }
            fields.put(parameter.getName(), field(parameter.getName(), parameter.getParameterizedType()));
        }
        return new Section(name, type, fields);
    }

    private static Field field(String name, Type type) {
        if (type instanceof Class<?> raw) {
            return creator(raw).isPresent() ? section(name, raw) : new Scalar(name, raw);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type argument = generic.getActualTypeArguments()[0];
            if (List.class.isAssignableFrom(raw) && argument instanceof Class<?> element) {
                return creator(element).isPresent()
                        ? new Composite(name, "a list of sections", Optional.of(section(name, element)))
                        : new ScalarList(name, element);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return new Composite(name, "a mapping", Optional.empty());
            }
        }
        throw new IllegalStateException("no override rule for field " + name + " of type " + type);
    }

    private static Optional<Method> creator(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.isAnnotationPresent(JsonCreator.class)
                        && m.getAnnotation(JsonCreator.class).mode() == JsonCreator.Mode.PROPERTIES)
                .findFirst();
    }
}
