package org.edgebatch.ort;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tiny ONNX models (one operator) as protobuf bytes, so tests can cover dynamic shapes, uint8 tensors and
 * metadata without shipping model files. Hand-written because the ONNX protobuf schema is not on Maven Central as a
 * small artifact; only the handful of fields below are needed (numbers from onnx/onnx.proto).
 */
final class OnnxModelWriter {

    /** A graph input or output: name, ONNX element type code and dimensions (a String is a symbolic dimension). */
    record Value(String name, ElementType type, Object... dims) {
    }

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    OnnxModelWriter node(String opType, List<String> nodeInputs, List<String> nodeOutputs) {
        Message node = new Message();
        nodeInputs.forEach(input -> node.string(1, input));
        nodeOutputs.forEach(output -> node.string(2, output));
        node.string(3, opType + "_" + nodes.size());
        node.string(4, opType);
        nodes.add(node.bytes());
        return this;
    }

    OnnxModelWriter input(Value value) {
        inputs.add(value);
        return this;
    }

    OnnxModelWriter output(Value value) {
        outputs.add(value);
        return this;
    }

    OnnxModelWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    byte[] toBytes() {
        Message graph = new Message();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, "edgebatch_test_graph");
        inputs.forEach(input -> graph.message(11, valueInfo(input)));
        outputs.forEach(output -> graph.message(12, valueInfo(output)));

        Message model = new Message();
        model.varint(1, 8); // ir_version
        model.string(2, "edgebatch-tests");
        model.message(7, graph.bytes());
        model.message(8, new Message().string(1, "").varint(2, 13).bytes()); // opset_import: default domain, 13
        metadata.forEach((key, value) -> model.message(14, new Message().string(1, key).string(2, value).bytes()));
        return model.bytes();
    }

    private static byte[] valueInfo(Value value) {
        Message shape = new Message();
        for (Object dim : value.dims()) {
            Message dimension = new Message();
            if (dim instanceof String symbol) {
                dimension.string(2, symbol);
            } else {
                dimension.varint(1, ((Number) dim).longValue());
            }
            shape.message(1, dimension.bytes());
        }
        byte[] tensorType = new Message().varint(1, value.type().code()).message(2, shape.bytes()).bytes();
        byte[] type = new Message().message(1, tensorType).bytes();
        return new Message().string(1, value.name()).message(2, type).bytes();
    }

    /** Protobuf wire format: varint (type 0) and length-delimited (type 2) fields. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            writeVarint(((long) field << 3));
            writeVarint(value);
            return this;
        }

        Message string(int field, String value) {
            return message(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, byte[] bytes) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
