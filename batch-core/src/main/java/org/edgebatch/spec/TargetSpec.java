package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which nodes a job runs on, written as one string: {@code all} (every node, each reads its own files),
 * {@code any} (exactly one node: the first, in declaration order, that holds an input file),
 * {@code node:<id>} (that node) or {@code label:<key>=<value>} (every node with that label).
 */
public sealed interface TargetSpec {

    String FORMS = "all, any, node:<id> or label:<key>=<value>";

    /** The label keys and values a target can name; the same characters node labels may use. */
    Pattern LABEL_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");

    /** The form written in a spec, e.g. {@code label:site=lobby}. */
    @JsonValue
    String text();

    /**
     * Reads a target string.
     *
     * @throws IllegalArgumentException naming the accepted forms and the bad string
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TargetSpec parse(String text) {
        Objects.requireNonNull(text, "target must not be null");
        String trimmed = text.strip();
        if (trimmed.equals("all")) {
            return new AllNodes();
        }
        if (trimmed.equals("any")) {
            return new AnyNode();
        }
        if (trimmed.startsWith("node:")) {
            String id = trimmed.substring("node:".length());
            if (!NodeSpec.ID_PATTERN.matcher(id).matches()) {
                throw new SpecFieldException(null, "names a node id that is not valid (" + NodeSpec.ID_RULE + "), was '" + text + "'");
            }
            return new NamedNode(id);
        }
        if (trimmed.startsWith("label:")) {
            String label = trimmed.substring("label:".length());
            int eq = label.indexOf('=');
            if (eq > 0 && LABEL_PART.matcher(label.substring(0, eq)).matches()
                    && LABEL_PART.matcher(label.substring(eq + 1)).matches()) {
                return new LabelledNodes(label.substring(0, eq), label.substring(eq + 1));
            }
            throw new SpecFieldException(null, "must be label:<key>=<value> with a non-empty key and value"
                    + " of letters, digits, '.', '_', '/' or '-', was '" + text + "'");
        }
        throw new SpecFieldException(null, "must be " + FORMS + ", was '" + text + "'");
    }

    /** Every node. */
    record AllNodes() implements TargetSpec {
        @Override
        public String text() {
            return "all";
        }
    }

    /** One node: the first, in declaration order, that holds at least one input file. */
    record AnyNode() implements TargetSpec {
        @Override
        public String text() {
            return "any";
        }
    }

    /** The node with this id. */
    record NamedNode(String id) implements TargetSpec {
        @Override
        public String text() {
            return "node:" + id;
        }
    }

    /** Every node whose labels include {@code key=value}. */
    record LabelledNodes(String key, String value) implements TargetSpec {
        @Override
        public String text() {
            return "label:" + key + "=" + value;
        }
    }
}
