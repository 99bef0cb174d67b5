package org.edgebatch.bench.flops;

import java.util.List;

/**
 * A constant tensor of an ONNX graph (an initializer or a {@code Constant} node's value): its shape and, for integer
 * and float tensors small enough to matter to shapes (scales, sizes, slice bounds), its values as longs or doubles.
 */
public record OnnxTensor(String name, List<Long> dims, int dataType, List<Long> longs, List<Double> doubles) {

    public OnnxTensor {
        dims = List.copyOf(dims);
        longs = List.copyOf(longs);
        doubles = List.copyOf(doubles);
    }

    /** The values as longs, whichever way they were stored (floats truncated). */
    public List<Long> asLongs() {
        return !longs.isEmpty() ? longs : doubles.stream().map(Double::longValue).toList();
    }

    /** The values as doubles, whichever way they were stored. */
    public List<Double> asDoubles() {
        return !doubles.isEmpty() ? doubles : longs.stream().map(Long::doubleValue).toList();
    }

    /** Whether the tensor holds any value this reader decoded. */
    public boolean hasValues() {
        return !longs.isEmpty() || !doubles.isEmpty();
    }
}
