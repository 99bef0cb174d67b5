package org.edgebatch.bench.flops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the floating-point operations of one inference of an ONNX model from its graph: convolutions (also
 * transposed, integer and quantised), matrix products and Gemm, at two operations per multiply-accumulate. The image
 * input is taken at batch 1 and, when asked, at a square size, so a model exported with symbolic dimensions counts too.
 */
public final class FlopCounter {

    private final OnnxModelReader reader;

    public FlopCounter(OnnxModelReader reader) {
        this.reader = reader;
    }

    /** Counts {@code model} with its image input at {@code size}×{@code size}, or as declared when size is 0. */
    public FlopCount count(Path model, int size) {
        return count(reader.read(model), size);
    }

    /** Counts a graph with its first input at {@code size}×{@code size} (batch 1), or as declared when size is 0. */
    public FlopCount count(OnnxGraph graph, int size) {
        if (graph.inputShapes().isEmpty()) {
            throw new IllegalArgumentException("the model has no input to size the count from");
        }
        Map.Entry<String, List<Long>> image = graph.inputShapes().entrySet().iterator().next();
        List<Long> input = inputShape(image.getKey(), image.getValue(), size);
        ShapeWalk walk = new ShapeWalk(graph, Map.of(image.getKey(), input));
        Map<String, Long> byOperator = new TreeMap<>();
        List<String> uncounted = new ArrayList<>();
        long total = 0;
        for (OnnxNode node : graph.nodes()) {
            walk.visit(node);
            if (!counted(node.opType())) {
                continue;
            }
            long flops = flops(node, walk);
            if (flops < 0) {
                uncounted.add(node.opType() + " " + (node.name().isEmpty() ? node.outputs() : node.name()));
                continue;
            }
            byOperator.merge(node.opType(), flops, Long::sum);
            total += flops;
        }
        return new FlopCount(total, byOperator, uncounted, input);
    }

    private static List<Long> inputShape(String name, List<Long> declared, int size) {
        List<Long> shape = new ArrayList<>(declared);
        if (shape.size() == 4) {
            if (shape.getFirst() < 0) {
                shape.set(0, 1L);
            }
            if (size > 0) {
                shape.set(2, (long) size);
                shape.set(3, (long) size);
            }
        }
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("the input " + name + " has the shape " + declared
                    + ": pass an image size to count at");
        }
        return shape;
    }

    private static boolean counted(String op) {
        return switch (op) {
            case "Conv", "ConvInteger", "QLinearConv", "ConvTranspose", "MatMul", "MatMulInteger", "QLinearMatMul",
                 "Gemm" -> true;
            default -> false;
        };
    }

    /** The node's operations, -1 when a shape it needs is unknown. */
    private static long flops(OnnxNode node, ShapeWalk walk) {
        String op = node.opType();
        List<Long> out = walk.shape(node.outputs().getFirst());
        List<Long> a = walk.shape(node.input(0));
        List<Long> b = walk.shape(node.input(op.startsWith("QLinear") ? 3 : 1));
        if (out == null || a == null || b == null) {
            return -1;
        }
        return switch (op) {
            // weights [out channels, in channels / group, kernel...]: one MAC per weight per output position
            case "Conv", "ConvInteger", "QLinearConv" ->
                    2 * out.get(0) * out.get(1) * OperatorShapes.product(out.subList(2, out.size()))
                            * OperatorShapes.product(b.subList(1, b.size()));
            // weights [in channels, out channels / group, kernel...]: one MAC per weight per input position
            case "ConvTranspose" -> 2 * a.get(0) * OperatorShapes.product(a.subList(2, a.size())) * OperatorShapes.product(b);
            case "Gemm" -> 2 * out.get(0) * out.get(1) * (node.integer("transA", 0) == 1 ? a.get(0) : a.get(1));
            default -> 2 * OperatorShapes.product(out) * a.getLast(); // matrix products: K = a's last dimension
        };
    }
}
