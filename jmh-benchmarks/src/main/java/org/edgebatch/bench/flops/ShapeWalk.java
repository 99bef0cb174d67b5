package org.edgebatch.bench.flops;

import static org.edgebatch.bench.flops.OperatorShapes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out the shape of every value of an ONNX graph from its input's shape, node by node, folding the small
 * integer sub-graphs exporters leave behind (Shape → Gather → Concat → Reshape) so that reshapes and resizes resolve.
 * Covers the operators of convolutional detectors; a value whose shape cannot be known is left out, and only the
 * counts that depend on it are lost.
 */
final class ShapeWalk {

    private final Map<String, List<Long>> shapes = new HashMap<>();
    private final Map<String, List<Double>> values = new HashMap<>();
    private final Map<String, List<Long>> declared;

    ShapeWalk(OnnxGraph graph, Map<String, List<Long>> inputs) {
        this.declared = graph.declaredShapes();
        graph.constants().forEach((name, tensor) -> {
            shapes.put(name, tensor.dims());
            if (tensor.hasValues()) {
                values.put(name, tensor.asDoubles());
            }
        });
        shapes.putAll(inputs);
    }

    /** The shape of a value, null when unknown (a declared shape stands in when every dimension is fixed). */
    List<Long> shape(String name) {
        List<Long> known = shapes.get(name);
        if (known != null) {
            return known;
        }
        List<Long> stated = declared.get(name);
        return stated != null && !stated.isEmpty() && stated.stream().allMatch(d -> d >= 0) ? stated : null;
    }

    /** Visits one node (in graph order): records the shapes, and where foldable the values, of its outputs. */
    void visit(OnnxNode node) {
        try {
            List<List<Long>> outputs = outputShapes(node);
            for (int i = 0; i < node.outputs().size() && i < outputs.size(); i++) {
                if (outputs.get(i) != null && !node.outputs().get(i).isEmpty()) {
                    shapes.put(node.outputs().get(i), List.copyOf(outputs.get(i)));
                }
            }
        } catch (UnknownShape | RuntimeException e) {
            // left unknown: the counts that need it report it
        }
    }

    private List<Long> in(OnnxNode node, int index) throws UnknownShape {
        String name = node.input(index);
        List<Long> shape = name.isEmpty() ? null : shape(name);
        if (shape == null) {
            throw new UnknownShape();
        }
        return shape;
    }

    private List<Double> valueOf(OnnxNode node, int index) {
        String name = node.input(index);
        return name.isEmpty() ? null : values.get(name);
    }

    private List<Long> longsOf(OnnxNode node, int index) {
        List<Double> value = valueOf(node, index);
        return value == null ? null : value.stream().map(Double::longValue).toList();
    }

    private static <T> T orElse(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private void value(OnnxNode node, List<Double> value) {
        values.put(node.outputs().getFirst(), List.copyOf(value));
    }

    private List<List<Long>> outputShapes(OnnxNode node) throws UnknownShape {
        String op = node.opType();
        if (SAME_SHAPE.contains(op)) {
            if ((op.equals("Cast") || op.equals("Identity")) && valueOf(node, 0) != null) {
                value(node, valueOf(node, 0));
            }
            return List.of(in(node, 0));
        }
        if (BROADCAST.contains(op)) {
            return List.of(broadcastInputs(node));
        }
        if (REDUCE.contains(op)) {
            List<Long> axes = op.startsWith("Arg") ? List.of(node.integer("axis", 0)) : longsOf(node, 1);
            return List.of(reduce(node, in(node, 0), orElse(axes, node.ints("axes", List.of()))));
        }
        return switch (op) {
            case "Constant" -> List.of(constant(node));
            case "Conv", "ConvInteger" -> List.of(convolution(node, in(node, 0), in(node, 1)));
            case "QLinearConv" -> List.of(convolution(node, in(node, 0), in(node, 3)));
            case "ConvTranspose" -> List.of(transposedConvolution(node, in(node, 0), in(node, 1)));
            case "MaxPool", "AveragePool", "LpPool" -> List.of(pool(node, in(node, 0)));
            case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" -> List.of(globalPool(in(node, 0)));
            case "Resize", "Upsample" -> List.of(resize(node));
            case "Concat" -> List.of(concat(node));
            case "Split" -> split(node, in(node, 0), orElse(longsOf(node, 1), node.ints("split", List.of())));
            case "Slice" -> List.of(slice(node));
            case "Reshape" -> List.of(reshape(node));
            case "Transpose" -> List.of(transpose(node, in(node, 0)));
            case "Flatten" -> List.of(flatten(node, in(node, 0)));
            case "Squeeze" -> List.of(squeeze(node));
            case "Unsqueeze" -> List.of(unsqueeze(node));
            case "Shape" -> List.of(shapeOf(node));
            case "Gather" -> List.of(gather(node));
            case "MatMul", "MatMulInteger" -> List.of(matMul(in(node, 0), in(node, 1)));
            case "QLinearMatMul" -> List.of(matMul(in(node, 0), in(node, 3)));
            case "Gemm" -> List.of(gemm(node, in(node, 0), in(node, 1)));
            case "Expand" -> List.of(broadcast(in(node, 0), required(longsOf(node, 1))));
            case "Tile" -> List.of(tile(in(node, 0), required(longsOf(node, 1))));
            case "Pad" -> List.of(pad(in(node, 0), required(orElse(longsOf(node, 1), node.ints("pads", null)))));
            case "ConstantOfShape" -> List.of(required(longsOf(node, 0)));
            case "DepthToSpace" -> List.of(depthToSpace(node, in(node, 0), true));
            case "SpaceToDepth" -> List.of(depthToSpace(node, in(node, 0), false));
            default -> throw new UnknownShape(); // data-dependent (NonZero, TopK, NMS, ...) or not covered
        };
    }

    private List<Long> constant(OnnxNode node) throws UnknownShape {
        OnnxAttribute tensor = node.attributes().get("value");
        if (tensor != null && tensor.tensor() != null) {
            if (tensor.tensor().hasValues()) {
                value(node, tensor.tensor().asDoubles());
            }
            return tensor.tensor().dims();
        }
        OnnxAttribute ints = node.attributes().get("value_ints");
        if (ints != null) {
            value(node, ints.ints().stream().map(Long::doubleValue).toList());
            return List.of((long) ints.ints().size());
        }
        OnnxAttribute integer = node.attributes().get("value_int");
        if (integer != null) {
            value(node, List.of((double) integer.i()));
            return List.of();
        }
        OnnxAttribute real = node.attributes().get("value_float");
        if (real != null) {
            value(node, List.of(real.f()));
            return List.of();
        }
        throw new UnknownShape();
    }

    private List<Long> resize(OnnxNode node) throws UnknownShape {
        List<Long> x = in(node, 0);
        boolean opset11 = node.opType().equals("Resize") && node.inputs().size() >= 3;
        List<Long> sizes = opset11 ? longsOf(node, 3) : null;
        if (sizes != null && sizes.size() == x.size()) {
            return sizes;
        }
        List<Double> scales = opset11 ? valueOf(node, 2) : valueOf(node, 1);
        if (scales == null || scales.isEmpty()) {
            OnnxAttribute attribute = node.attributes().get("scales");
            scales = attribute == null ? null : attribute.floats();
        }
        if (scales == null || scales.size() != x.size()) {
            throw new UnknownShape();
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            out.add((long) Math.floor(x.get(i) * scales.get(i)));
        }
        return out;
    }

    private List<Long> concat(OnnxNode node) throws UnknownShape {
        List<List<Long>> parts = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            parts.add(in(node, i));
        }
        int axis = axis(node.integer("axis", 0), parts.getFirst().size());
        List<Long> out = new ArrayList<>(parts.getFirst());
        out.set(axis, parts.stream().mapToLong(p -> p.get(axis)).sum());
        if (out.size() == 1) {
            List<Double> folded = new ArrayList<>();
            for (int i = 0; i < node.inputs().size() && folded != null; i++) {
                List<Double> part = valueOf(node, i);
                if (part == null) {
                    folded = null;
                } else {
                    folded.addAll(part);
                }
            }
            if (folded != null) {
                value(node, folded);
            }
        }
        return out;
    }


    private List<Long> slice(OnnxNode node) throws UnknownShape {
        List<Long> x = in(node, 0);
        List<Long> starts;
        List<Long> ends;
        List<Long> axes;
        List<Long> steps;
        if (node.inputs().size() > 1) {
            starts = required(longsOf(node, 1));
            ends = required(longsOf(node, 2));
            axes = node.input(3).isEmpty() ? null : required(longsOf(node, 3));
            steps = node.input(4).isEmpty() ? null : required(longsOf(node, 4));
        } else {
            starts = node.ints("starts", List.of());
            ends = node.ints("ends", List.of());
            axes = node.ints("axes", List.of());
            steps = null;
        }
        if (axes == null || axes.isEmpty()) {
            axes = range(starts.size());
        }
        List<Long> out = new ArrayList<>(x);
        List<Double> data = valueOf(node, 0);
        List<Double> folded = null;
        for (int i = 0; i < axes.size(); i++) {
            int axis = axis(axes.get(i), x.size());
            long dim = x.get(axis);
            long step = steps == null ? 1 : steps.get(i);
            long start = starts.get(i) < 0 ? starts.get(i) + dim : starts.get(i);
            long end = ends.get(i) < 0 ? ends.get(i) + dim : ends.get(i);
            long length;
            if (step > 0) {
                start = clamp(start, 0, dim);
                end = clamp(end, 0, dim);
                length = Math.max(0, Math.ceilDiv(end - start, step));
            } else {
                start = clamp(start, 0, dim - 1);
                end = clamp(end, -1, dim - 1);
                length = Math.max(0, Math.ceilDiv(start - end, -step));
            }
            out.set(axis, length);
            if (x.size() == 1 && data != null) {
                folded = new ArrayList<>();
                for (long k = 0, at = start; k < length; k++, at += step) {
                    folded.add(data.get((int) at));
                }
            }
        }
        if (folded != null) {
            value(node, folded);
        }
        return out;
    }

    private List<Long> reshape(OnnxNode node) throws UnknownShape {
        List<Long> x = in(node, 0);
        List<Long> target = longsOf(node, 1);
        if (target == null) {
            target = required(node.ints("shape", null));
        }
        boolean allowZero = node.integer("allowzero", 0) == 1;
        List<Long> out = new ArrayList<>();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.size(); i++) {
            long dim = target.get(i);
            if (dim == 0 && !allowZero) {
                dim = x.get(i);
            }
            if (dim == -1) {
                inferred = i;
            } else {
                known *= dim;
            }
            out.add(dim);
        }
        if (inferred >= 0) {
            out.set(inferred, known == 0 ? 0 : product(x) / known);
        }
        if (valueOf(node, 0) != null) {
            value(node, valueOf(node, 0));
        }
        return out;
    }

    private List<Long> squeeze(OnnxNode node) throws UnknownShape {
        List<Long> x = in(node, 0);
        List<Long> axes = longsOf(node, 1);
        if (axes == null) {
            axes = node.ints("axes", List.of());
        }
        List<Integer> dropped = new ArrayList<>();
        for (long a : axes) {
            dropped.add(axis(a, x.size()));
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (axes.isEmpty() ? x.get(i) != 1 : !dropped.contains(i)) {
                out.add(x.get(i));
            }
        }
        if (valueOf(node, 0) != null) {
            value(node, valueOf(node, 0));
        }
        return out;
    }

    private List<Long> unsqueeze(OnnxNode node) throws UnknownShape {
        List<Long> x = in(node, 0);
        List<Long> axes = longsOf(node, 1);
        if (axes == null) {
            axes = required(node.ints("axes", null));
        }
        int rank = x.size() + axes.size();
        List<Integer> inserted = new ArrayList<>();
        for (long a : axes) {
            inserted.add(axis(a, rank));
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0, from = 0; i < rank; i++) {
            out.add(inserted.contains(i) ? 1L : x.get(from++));
        }
        if (valueOf(node, 0) != null) {
            value(node, valueOf(node, 0));
        }
        return out;
    }

    private List<Long> shapeOf(OnnxNode node) throws UnknownShape {
        List<Long> x = in(node, 0);
        int start = axis(node.integer("start", 0), x.size() + 1);
        int end = node.attributes().containsKey("end") ? axis(node.integer("end", x.size()), x.size() + 1) : x.size();
        List<Long> dims = x.subList(Math.min(start, end), end);
        if (dims.stream().allMatch(d -> d >= 0)) {
            value(node, dims.stream().map(Long::doubleValue).toList());
        }
        return List.of((long) dims.size());
    }

    private List<Long> gather(OnnxNode node) throws UnknownShape {
        List<Long> data = in(node, 0);
        List<Long> indices = in(node, 1);
        int axis = axis(node.integer("axis", 0), data.size());
        List<Long> out = new ArrayList<>(data.subList(0, axis));
        out.addAll(indices);
        out.addAll(data.subList(axis + 1, data.size()));
        List<Double> values = valueOf(node, 0);
        List<Long> picked = longsOf(node, 1);
        if (data.size() == 1 && values != null && picked != null) {
            value(node, picked.stream().map(i -> values.get((int) (i < 0 ? i + values.size() : i))).toList());
        }
        return out;
    }

    private List<Long> broadcastInputs(OnnxNode node) throws UnknownShape {
        List<Long> out = in(node, 0);
        for (int i = 1; i < node.inputs().size(); i++) {
            out = broadcast(out, in(node, i));
        }
        foldArithmetic(node);
        return out;
    }

    /** Folds element-wise integer arithmetic of shape sub-graphs (e.g. a dimension divided by a stride). */
    private void foldArithmetic(OnnxNode node) {
        if (node.inputs().size() != 2 || !Set.of("Add", "Sub", "Mul", "Div").contains(node.opType())) {
            return;
        }
        List<Double> a = valueOf(node, 0);
        List<Double> b = valueOf(node, 1);
        if (a == null || b == null || (a.size() != b.size() && a.size() != 1 && b.size() != 1)) {
            return;
        }
        int n = Math.max(a.size(), b.size());
        Double[] out = new Double[n];
        for (int i = 0; i < n; i++) {
            double x = a.get(a.size() == 1 ? 0 : i);
            double y = b.get(b.size() == 1 ? 0 : i);
            out[i] = switch (node.opType()) {
                case "Add" -> x + y;
                case "Sub" -> x - y;
                case "Mul" -> x * y;
                default -> y == 0 ? Double.NaN : x / y;
            };
        }
        value(node, Arrays.asList(out));
    }

}
