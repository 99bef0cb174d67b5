package org.edgebatch.bench.flops;

import java.util.List;

/** A node attribute: the integer, float, string, integer list, float list and tensor forms ONNX allows. */
public record OnnxAttribute(String name, long i, double f, String s, List<Long> ints, List<Double> floats,
                            OnnxTensor tensor) {

    public OnnxAttribute {
        ints = List.copyOf(ints);
        floats = List.copyOf(floats);
    }
}
