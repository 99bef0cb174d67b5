package org.edgebatch.bench.flops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model's main graph a FLOP count needs: nodes in their (topological) order, constant tensors
 * by name, and the declared shapes of the graph's inputs, outputs and annotated values (a dimension is -1 when
 * symbolic or unknown).
 */
public record OnnxGraph(List<OnnxNode> nodes, Map<String, OnnxTensor> constants, Map<String, List<Long>> inputShapes,
                        Map<String, List<Long>> declaredShapes) {

    public OnnxGraph {
        nodes = List.copyOf(nodes);
        constants = Map.copyOf(constants);
        inputShapes = Collections.unmodifiableMap(new LinkedHashMap<>(inputShapes)); // in declaration order
        declaredShapes = Map.copyOf(declaredShapes);
    }
}
