package org.edgebatch.bench.flops;

import java.util.List;
import java.util.Map;

/** One node of an ONNX graph: operator, its input and output value names, and its attributes. */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs,
                       Map<String, OnnxAttribute> attributes) {

    public OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = Map.copyOf(attributes);
    }

    /** The input at {@code index}, empty when absent (ONNX marks skipped optional inputs with an empty name). */
    public String input(int index) {
        return index < inputs.size() ? inputs.get(index) : "";
    }

    /** An integer list attribute, or the default when the node does not set it. */
    public List<Long> ints(String attribute, List<Long> otherwise) {
        OnnxAttribute value = attributes.get(attribute);
        return value == null || value.ints().isEmpty() ? otherwise : value.ints();
    }

    /** An integer attribute, or the default when the node does not set it. */
    public long integer(String attribute, long otherwise) {
        OnnxAttribute value = attributes.get(attribute);
        return value == null ? otherwise : value.i();
    }

    /** A string attribute, or the default when the node does not set it. */
    public String string(String attribute, String otherwise) {
        OnnxAttribute value = attributes.get(attribute);
        return value == null || value.s().isEmpty() ? otherwise : value.s();
    }
}
