package org.edgebatch.bench.flops;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the main graph of an ONNX model file with protobuf's wire-format reader and the field numbers of
 * {@code onnx.proto}. Written against the wire format rather than generated ONNX classes because no maintained Java
 * artifact of them exists on Maven Central; only what a shape walk needs is kept (weights are skipped, not loaded).
 */
public final class OnnxModelReader {

    /** Constant tensors with more bytes than this keep their shape only: they are weights, not shape arguments. */
    private static final int VALUE_BYTES_KEPT = 4096;

    // onnx.proto field numbers
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1, GRAPH_INITIALIZER = 5, GRAPH_INPUT = 11, GRAPH_OUTPUT = 12,
            GRAPH_VALUE_INFO = 13;
    private static final int NODE_INPUT = 1, NODE_OUTPUT = 2, NODE_NAME = 3, NODE_OP_TYPE = 4, NODE_ATTRIBUTE = 5;
    private static final int ATTR_NAME = 1, ATTR_F = 2, ATTR_I = 3, ATTR_S = 4, ATTR_T = 5, ATTR_FLOATS = 7,
            ATTR_INTS = 8;
    private static final int TENSOR_DIMS = 1, TENSOR_DATA_TYPE = 2, TENSOR_FLOAT_DATA = 4, TENSOR_INT32_DATA = 5,
            TENSOR_INT64_DATA = 7, TENSOR_NAME = 8, TENSOR_RAW_DATA = 9, TENSOR_DOUBLE_DATA = 10;
    private static final int VALUE_NAME = 1, VALUE_TYPE = 2, TYPE_TENSOR = 1, TENSOR_TYPE_SHAPE = 2, SHAPE_DIM = 1,
            DIM_VALUE = 1;

    /** ONNX element types this reader decodes values of. */
    static final int FLOAT = 1, INT32 = 6, INT64 = 7, DOUBLE = 11;

    /** Reads {@code model}; a file that is not an ONNX model (no graph) is refused with its path. */
    public OnnxGraph read(Path model) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + model, e);
        }
        try {
            return read(bytes).orElseThrow(() -> new IllegalArgumentException(model + " is not an ONNX model: it has no graph"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refusal && refusal.getMessage().startsWith(model.toString())) {
                throw refusal;
            }
            throw new IllegalArgumentException(model + " is not an ONNX model: " + e.getMessage(), e);
        }
    }

    /** Reads a serialised model; empty when it holds no graph. */
    public java.util.Optional<OnnxGraph> read(byte[] model) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(model);
        in.setRecursionLimit(200);
        OnnxGraph graph = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                graph = graph(in);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        return java.util.Optional.ofNullable(graph);
    }

    private OnnxGraph graph(CodedInputStream in) throws IOException {
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, OnnxTensor> constants = new HashMap<>();
        Map<String, List<Long>> inputs = new LinkedHashMap<>();
        Map<String, List<Long>> declared = new HashMap<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED
                    || (field != GRAPH_NODE && field != GRAPH_INITIALIZER && field != GRAPH_INPUT && field != GRAPH_OUTPUT
                    && field != GRAPH_VALUE_INFO)) {
                in.skipField(tag);
                continue;
            }
            int limit = in.pushLimit(in.readRawVarint32());
            switch (field) {
                case GRAPH_NODE -> nodes.add(node(in));
                case GRAPH_INITIALIZER -> {
                    OnnxTensor tensor = tensor(in);
                    constants.put(tensor.name(), tensor);
                }
                case GRAPH_INPUT -> {
                    Map.Entry<String, List<Long>> value = valueInfo(in);
                    inputs.put(value.getKey(), value.getValue());
                    declared.put(value.getKey(), value.getValue());
                }
                default -> {
                    Map.Entry<String, List<Long>> value = valueInfo(in);
                    declared.put(value.getKey(), value.getValue());
                }
            }
            in.popLimit(limit);
        }
        inputs.keySet().removeAll(constants.keySet()); // old exporters list initializers among the inputs
        return new OnnxGraph(nodes, constants, inputs, declared);
    }

    private OnnxNode node(CodedInputStream in) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, OnnxAttribute> attributes = new HashMap<>();
        String name = "";
        String opType = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(in.readString());
                case NODE_OUTPUT -> outputs.add(in.readString());
                case NODE_NAME -> name = in.readString();
                case NODE_OP_TYPE -> opType = in.readString();
                case NODE_ATTRIBUTE -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    OnnxAttribute attribute = attribute(in);
                    attributes.put(attribute.name(), attribute);
                    in.popLimit(limit);
                }
                default -> in.skipField(tag);
            }
        }
        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private OnnxAttribute attribute(CodedInputStream in) throws IOException {
        String name = "";
        long i = 0;
        double f = 0;
        String s = "";
        List<Long> ints = new ArrayList<>();
        List<Double> floats = new ArrayList<>();
        OnnxTensor tensor = null;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ATTR_NAME -> name = in.readString();
                case ATTR_F -> f = in.readFloat();
                case ATTR_I -> i = in.readInt64();
                case ATTR_S -> s = in.readBytes().toStringUtf8();
                case ATTR_T -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    tensor = tensor(in);
                    in.popLimit(limit);
                }
                case ATTR_FLOATS -> readFloats(in, tag, floats);
                case ATTR_INTS -> readLongs(in, tag, ints);
                default -> in.skipField(tag);
            }
        }
        return new OnnxAttribute(name, i, f, s, ints, floats, tensor);
    }

    private OnnxTensor tensor(CodedInputStream in) throws IOException {
        List<Long> dims = new ArrayList<>();
        List<Long> longs = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        int dataType = 0;
        String name = "";
        byte[] raw = null;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case TENSOR_DIMS -> readLongs(in, tag, dims);
                case TENSOR_DATA_TYPE -> dataType = in.readInt32();
                case TENSOR_NAME -> name = in.readString();
                case TENSOR_INT32_DATA, TENSOR_INT64_DATA -> readLongs(in, tag, longs);
                case TENSOR_FLOAT_DATA -> readFloats(in, tag, doubles);
                case TENSOR_DOUBLE_DATA -> readDoubles(in, tag, doubles);
                case TENSOR_RAW_DATA -> {
                    int length = in.readRawVarint32();
                    if (length <= VALUE_BYTES_KEPT) {
                        raw = in.readRawBytes(length);
                    } else {
                        in.skipRawBytes(length);
                    }
                }
                default -> in.skipField(tag);
            }
        }
        if (dataType != INT32 && dataType != INT64) {
            longs.clear(); // int32_data also carries 8- and 16-bit weights: not shape arguments
        }
        if (raw != null) {
            ByteBuffer values = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN); // ONNX raw data is little-endian
            switch (dataType) {
                case INT64 -> { while (values.remaining() >= 8) longs.add(values.getLong()); }
                case INT32 -> { while (values.remaining() >= 4) longs.add((long) values.getInt()); }
                case FLOAT -> { while (values.remaining() >= 4) doubles.add((double) values.getFloat()); }
                case DOUBLE -> { while (values.remaining() >= 8) doubles.add(values.getDouble()); }
                default -> { } // fp16 and 8-bit constants are weights here, never shape arguments
            }
        }
        return new OnnxTensor(name, dims, dataType, longs, doubles);
    }

    private Map.Entry<String, List<Long>> valueInfo(CodedInputStream in) throws IOException {
        String name = "";
        List<Long> shape = null;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == VALUE_NAME) {
                name = in.readString();
            } else if (field == VALUE_TYPE) {
                int limit = in.pushLimit(in.readRawVarint32());
                shape = tensorTypeShape(in);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        return Map.entry(name, shape == null ? List.of() : shape);
    }

    /** TypeProto → tensor_type → shape → dims; null when the type is not a tensor or has no shape. */
    private List<Long> tensorTypeShape(CodedInputStream in) throws IOException {
        List<Long> shape = null;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) != TYPE_TENSOR) {
                in.skipField(tag);
                continue;
            }
            int limit = in.pushLimit(in.readRawVarint32());
            while (!in.isAtEnd()) {
                int inner = in.readTag();
                if (WireFormat.getTagFieldNumber(inner) != TENSOR_TYPE_SHAPE) {
                    in.skipField(inner);
                    continue;
                }
                int shapeLimit = in.pushLimit(in.readRawVarint32());
                shape = new ArrayList<>();
                while (!in.isAtEnd()) {
                    int dimTag = in.readTag();
                    if (WireFormat.getTagFieldNumber(dimTag) != SHAPE_DIM) {
                        in.skipField(dimTag);
                        continue;
                    }
                    int dimLimit = in.pushLimit(in.readRawVarint32());
                    long value = -1; // a dim_param (symbolic) or an unset dimension
                    while (!in.isAtEnd()) {
                        int valueTag = in.readTag();
                        if (WireFormat.getTagFieldNumber(valueTag) == DIM_VALUE) {
                            value = in.readInt64();
                        } else {
                            in.skipField(valueTag);
                        }
                    }
                    in.popLimit(dimLimit);
                    shape.add(value);
                }
                in.popLimit(shapeLimit);
            }
            in.popLimit(limit);
        }
        return shape;
    }

    private static void readLongs(CodedInputStream in, int tag, List<Long> into) throws IOException {
        readRepeated(in, tag, () -> into.add(in.readInt64()));
    }

    private static void readFloats(CodedInputStream in, int tag, List<Double> into) throws IOException {
        readRepeated(in, tag, () -> into.add((double) in.readFloat()));
    }

    private static void readDoubles(CodedInputStream in, int tag, List<Double> into) throws IOException {
        readRepeated(in, tag, () -> into.add(in.readDouble()));
    }

    /** A repeated scalar field: one value, or (packed, as proto3 writes them) a length-delimited run of them. */
    private static void readRepeated(CodedInputStream in, int tag, ValueRead value) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (!in.isAtEnd()) {
                value.read();
            }
            in.popLimit(limit);
        } else {
            value.read();
        }
    }

    @FunctionalInterface
    private interface ValueRead {
        void read() throws IOException;
    }
}
