package org.edgebatch.bench.flops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The output shapes of ONNX operators that follow from their inputs' shapes and their attributes alone (convolution,
 * pooling, matrix products, layout changes), as the operator specifications define them; the walk that applies them
 * and folds constants is {@link ShapeWalk}.
 */
final class OperatorShapes {

    static final Set<String> SAME_SHAPE = Set.of("Relu", "Sigmoid", "LeakyRelu", "HardSigmoid", "HardSwish",
            "Tanh", "Exp", "Log", "Sqrt", "Cast", "Identity", "Softmax", "LogSoftmax", "Clip", "Dropout",
            "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "Neg", "Abs", "Erf", "Mish", "Swish",
            "Floor", "Ceil", "Round", "BatchNormalization", "InstanceNormalization", "LayerNormalization", "Not",
            "Reciprocal", "Elu", "Selu", "Gelu", "Softplus", "Sign", "IsNaN", "Celu", "Sin", "Cos", "CastLike",
            "LRN");
    static final Set<String> BROADCAST = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Equal", "Greater", "Less",
            "GreaterOrEqual", "LessOrEqual", "And", "Or", "Xor", "Max", "Min", "Sum", "Mean", "PRelu", "Mod", "Where",
            "QLinearAdd", "QLinearMul", "BitShift");
    static final Set<String> REDUCE = Set.of("ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin",
            "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare", "ArgMax",
            "ArgMin");

    private OperatorShapes() {
    }

    static List<Long> convolution(OnnxNode node, List<Long> x, List<Long> w) throws UnknownShape {
        int spatial = x.size() - 2;
        List<Long> kernel = w.subList(2, w.size());
        List<Long> out = new ArrayList<>(List.of(x.get(0), w.get(0)));
        out.addAll(slidingWindow(node, x.subList(2, x.size()), kernel, spatial));
        return out;
    }

    static List<Long> transposedConvolution(OnnxNode node, List<Long> x, List<Long> w) {
        int spatial = x.size() - 2;
        long group = node.integer("group", 1);
        List<Long> out = new ArrayList<>(List.of(x.get(0), w.get(1) * group));
        List<Long> explicit = node.ints("output_shape", List.of());
        if (!explicit.isEmpty()) {
            out.addAll(explicit.subList(explicit.size() - spatial, explicit.size()));
            return out;
        }
        List<Long> strides = node.ints("strides", ones(spatial));
        List<Long> dilations = node.ints("dilations", ones(spatial));
        List<Long> pads = node.ints("pads", zeros(2 * spatial));
        List<Long> outputPadding = node.ints("output_padding", zeros(spatial));
        for (int i = 0; i < spatial; i++) {
            long k = w.get(2 + i);
            out.add(strides.get(i) * (x.get(2 + i) - 1) + outputPadding.get(i) + (k - 1) * dilations.get(i) + 1
                    - pads.get(i) - pads.get(i + spatial));
        }
        return out;
    }

    static List<Long> pool(OnnxNode node, List<Long> x) throws UnknownShape {
        List<Long> kernel = node.ints("kernel_shape", List.of());
        if (kernel.isEmpty()) {
            throw new UnknownShape();
        }
        List<Long> out = new ArrayList<>(x.subList(0, 2));
        out.addAll(slidingWindow(node, x.subList(2, x.size()), kernel, kernel.size()));
        return out;
    }

    private static List<Long> slidingWindow(OnnxNode node, List<Long> input, List<Long> kernel, int spatial) {
        List<Long> strides = node.ints("strides", ones(spatial));
        List<Long> dilations = node.ints("dilations", ones(spatial));
        List<Long> pads = node.ints("pads", zeros(2 * spatial));
        String autoPad = node.string("auto_pad", "NOTSET");
        boolean ceil = node.integer("ceil_mode", 0) == 1;
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < spatial; i++) {
            long in = input.get(i);
            long stride = strides.get(i);
            long extent = (kernel.get(i) - 1) * dilations.get(i) + 1;
            out.add(switch (autoPad) {
                case "SAME_UPPER", "SAME_LOWER" -> Math.ceilDiv(in, stride);
                case "VALID" -> Math.ceilDiv(in - extent + 1, stride);
                default -> {
                    long span = in + pads.get(i) + pads.get(i + spatial) - extent;
                    yield (ceil ? Math.ceilDiv(span, stride) : Math.floorDiv(span, stride)) + 1;
                }
            });
        }
        return out;
    }

    static List<Long> globalPool(List<Long> x) {
        List<Long> out = new ArrayList<>(x.subList(0, 2));
        for (int i = 2; i < x.size(); i++) {
            out.add(1L);
        }
        return out;
    }

    static List<Long> transpose(OnnxNode node, List<Long> x) {
        List<Long> reversed = new ArrayList<>(range(x.size()));
        Collections.reverse(reversed);
        List<Long> perm = node.ints("perm", reversed);
        return perm.stream().map(p -> x.get(p.intValue())).toList();
    }

    static List<Long> flatten(OnnxNode node, List<Long> x) {
        int axis = axis(node.integer("axis", 1), x.size() + 1);
        return List.of(product(x.subList(0, axis)), product(x.subList(axis, x.size())));
    }

    static List<Long> matMul(List<Long> a, List<Long> b) throws UnknownShape {
        if (a.size() < 2 || b.size() < 2) {
            throw new UnknownShape(); // vector products: not in the detectors this counts
        }
        List<Long> batch = broadcast(a.subList(0, a.size() - 2), b.subList(0, b.size() - 2));
        List<Long> out = new ArrayList<>(batch);
        out.add(a.get(a.size() - 2));
        out.add(b.get(b.size() - 1));
        return out;
    }

    static List<Long> gemm(OnnxNode node, List<Long> a, List<Long> b) {
        long m = node.integer("transA", 0) == 1 ? a.get(1) : a.get(0);
        long n = node.integer("transB", 0) == 1 ? b.get(0) : b.get(1);
        return List.of(m, n);
    }

    static List<Long> tile(List<Long> x, List<Long> repeats) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            out.add(x.get(i) * repeats.get(i));
        }
        return out;
    }

    static List<Long> pad(List<Long> x, List<Long> pads) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            out.add(x.get(i) + pads.get(i) + pads.get(i + x.size()));
        }
        return out;
    }

    /** {@code axes} empty reduces every axis. */
    static List<Long> reduce(OnnxNode node, List<Long> x, List<Long> axes) {
        boolean keep = node.integer("keepdims", 1) == 1;
        List<Integer> reduced = new ArrayList<>();
        for (long a : axes) {
            reduced.add(axis(a, x.size()));
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            boolean gone = axes.isEmpty() || reduced.contains(i);
            if (!gone) {
                out.add(x.get(i));
            } else if (keep) {
                out.add(1L);
            }
        }
        return out;
    }

    static List<Long> depthToSpace(OnnxNode node, List<Long> x, boolean toSpace) {
        long block = node.integer("blocksize", 1);
        return toSpace ? List.of(x.get(0), x.get(1) / (block * block), x.get(2) * block, x.get(3) * block)
                : List.of(x.get(0), x.get(1) * block * block, x.get(2) / block, x.get(3) / block);
    }

    static List<Long> broadcast(List<Long> a, List<Long> b) throws UnknownShape {
        int rank = Math.max(a.size(), b.size());
        Long[] out = new Long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.size() ? 1 : a.get(i - (rank - a.size()));
            long y = i < rank - b.size() ? 1 : b.get(i - (rank - b.size()));
            if (x != y && x != 1 && y != 1) {
                throw new UnknownShape();
            }
            out[i] = x == 1 ? y : x;
        }
        return Arrays.asList(out);
    }

    static long product(List<Long> dims) {
        long product = 1;
        for (long d : dims) {
            product *= d;
        }
        return product;
    }

    static <T> T required(T value) throws UnknownShape {
        if (value == null) {
            throw new UnknownShape();
        }
        return value;
    }

    static int axis(long axis, int rank) {
        return (int) (axis < 0 ? axis + rank : axis);
    }

    static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }

    private static List<Long> ones(int n) {
        return Collections.nCopies(n, 1L);
    }

    private static List<Long> zeros(int n) {
        return Collections.nCopies(n, 0L);
    }

    static List<Long> range(int n) {
        List<Long> range = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            range.add(i);
        }
        return range;
    }

    /** {@code sizes} empty splits in equal parts, one per output. */
    static List<List<Long>> split(OnnxNode node, List<Long> x, List<Long> sizes) {
        int axis = axis(node.integer("axis", 0), x.size());
        int parts = node.outputs().size();
        if (sizes.isEmpty()) {
            long each = Math.ceilDiv(x.get(axis), parts);
            List<Long> equal = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                equal.add(Math.min(each, x.get(axis) - each * i));
            }
            sizes = equal;
        }
        List<List<Long>> out = new ArrayList<>();
        for (long size : sizes) {
            List<Long> part = new ArrayList<>(x);
            part.set(axis, size);
            out.add(part);
        }
        return out;
    }
}
