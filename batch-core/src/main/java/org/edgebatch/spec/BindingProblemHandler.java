package org.edgebatch.spec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Notes every problem Jackson meets while binding a spec (unknown field, wrong type, a value a record refuses) and
 * lets binding go on with the field left absent, so one run reports every such problem, not just the first.
 * One instance per load: it holds that load's problems.
 */
final class BindingProblemHandler extends DeserializationProblemHandler {

    private final List<SpecProblem> problems = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();

    /** The problems found, in the order met. */
    List<SpecProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * True when {@code problem} is about a field binding already reported, or inside a section that could not be
     * built: its defaults stood in, so what validation says of them would only repeat or mislead.
     */
    boolean explains(SpecProblem problem) {
        return scopes.stream().anyMatch(problem::within);
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, ValueDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) {
        String field = SpecPaths.field(parser.streamReadContext());
        Collection<Object> known = deserializer.getKnownPropertyNames();
        String detail = known == null || known.isEmpty() ? "" : "; known fields: " + join(known);
        add(field, field, new SpecProblem(field, "unknown field '" + field + "'", detail, ""));
        parser.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value, String failureMsg) {
        String field = SpecPaths.field(context.getParser().streamReadContext());
        add(field, field, SpecProblem.of(field, field + " must be " + describe(targetType) + ", was '" + value + "'"));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value, String failureMsg) {
        String field = SpecPaths.field(context.getParser().streamReadContext());
        add(field, field, SpecProblem.of(field, field + " must be " + describe(targetType) + ", was " + value));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                        JsonParser parser, String failureMsg) {
        String field = SpecPaths.field(parser.streamReadContext());
        String found = found(token, parser);
        parser.skipChildren();
        add(field, field, SpecProblem.of(field, field + " must be " + describe(targetType) + ", was " + found));
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> instClass, ValueInstantiator instantiator,
                                            JsonParser parser, String msg) {
        String field = SpecPaths.field(parser.streamReadContext());
        String found = found(parser.currentToken(), parser);
        parser.skipChildren();
        add(field, field, SpecProblem.of(field, field + " must be " + describe(instClass) + ", was " + found));
        return null;
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext context, Class<?> instClass, Object argument, Throwable t) {
        String section = SpecPaths.field(context.getParser().streamReadContext());
        SpecFieldException refusal = find(t, SpecFieldException.class);
        if (refusal != null) {
            String field = refusal.field() == null ? section
                    : section.isEmpty() ? refusal.field() : section + "." + refusal.field();
            add(section, field, SpecProblem.of(field, field + " " + refusal.getMessage()));
        } else {
            // A record refusing a value it should have accepted is our bug; still say where, rather than fail blind.
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            add(section, section, SpecProblem.of(section, (section.isEmpty() ? "spec" : section) + " could not be read: " + root));
        }
        return null;
    }

    /** Records a problem unless one already reported covers it (an element's type error, then its list's refusal). */
    private void add(String scope, String field, SpecProblem problem) {
        if (problems.stream().noneMatch(known -> field.equals(known.field()) || problem.within(known.field()))) {
            problems.add(problem);
        }
        scopes.add(scope);
    }

    private static String found(JsonToken token, JsonParser parser) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a section of fields";
            case VALUE_STRING -> "'" + parser.getString() + "'";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getString();
            default -> token.name().toLowerCase();
        };
    }

    static String describe(JavaType type) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list";
        }
        if (type.isMapLikeType()) {
            return "a mapping of key: value";
        }
        return describe(type.getRawClass());
    }

    static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Path.class.isAssignableFrom(type)) {
            return "a path";
        }
        if (type == URI.class) {
            return "a URI";
        }
        if (type == TargetSpec.class) {
            return TargetSpec.FORMS;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping of key: value";
        }
        return "a section of fields";
    }

    private static String join(Collection<Object> names) {
        return String.join(", ", names.stream().map(String::valueOf).toList());
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable at = t; at != null; at = at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }
}
