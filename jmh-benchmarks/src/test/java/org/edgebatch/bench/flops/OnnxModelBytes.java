package org.edgebatch.bench.flops;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes small ONNX models field by field (onnx.proto numbers), so tests can count graphs they built by hand. */
final class OnnxModelBytes {

    private OnnxModelBytes() {
    }

    /** A model whose graph has the given nodes, float initializers of the given shapes, and one float input. */
    static byte[] model(String input, List<Long> inputShape, List<Initializer> initializers, List<Node> nodes,
                        String output) {
        return message(model -> {
            model.writeInt64(1, 8); // ir_version
            model.writeByteArray(7, message(graph -> {
                for (Node node : nodes) {
                    graph.writeByteArray(1, message(n -> {
                        for (String in : node.inputs()) {
                            n.writeString(1, in);
                        }
                        n.writeString(2, node.output());
                        n.writeString(3, node.output() + "_node");
                        n.writeString(4, node.opType());
                        for (Attribute attribute : node.attributes()) {
                            n.writeByteArray(5, message(a -> {
                                a.writeString(1, attribute.name());
                                if (attribute.ints().size() == 1 && attribute.single()) {
                                    a.writeInt64(3, attribute.ints().getFirst());
                                    a.writeInt32(20, 2); // INT
                                } else {
                                    for (long value : attribute.ints()) {
                                        a.writeInt64(8, value);
                                    }
                                    a.writeInt32(20, 7); // INTS
                                }
                            }));
                        }
                    }));
                }
                for (Initializer initializer : initializers) {
                    graph.writeByteArray(5, message(t -> {
                        for (long dim : initializer.dims()) {
                            t.writeInt64(1, dim);
                        }
                        t.writeInt32(2, initializer.int64() ? OnnxModelReader.INT64 : OnnxModelReader.FLOAT);
                        t.writeString(8, initializer.name());
                        for (long value : initializer.values()) {
                            t.writeInt64(7, value);
                        }
                    }));
                }
                graph.writeByteArray(11, valueInfo(input, inputShape));
                graph.writeByteArray(12, valueInfo(output, List.of()));
            }));
        });
    }

    private static byte[] valueInfo(String name, List<Long> shape) {
        return message(v -> {
            v.writeString(1, name);
            v.writeByteArray(2, message(type -> type.writeByteArray(1, message(tensor -> {
                tensor.writeInt32(1, OnnxModelReader.FLOAT);
                if (!shape.isEmpty()) {
                    tensor.writeByteArray(2, message(s -> {
                        for (long dim : shape) {
                            s.writeByteArray(1, message(d -> {
                                if (dim >= 0) {
                                    d.writeInt64(1, dim);
                                } else {
                                    d.writeString(2, "batch");
                                }
                            }));
                        }
                    }));
                }
            }))));
        });
    }

    private static byte[] message(Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    record Node(String opType, List<String> inputs, String output, List<Attribute> attributes) {
    }

    record Attribute(String name, List<Long> ints, boolean single) {
        static Attribute ints(String name, Long... values) {
            return new Attribute(name, List.of(values), false);
        }

        static Attribute integer(String name, long value) {
            return new Attribute(name, List.of(value), true);
        }
    }

    /** A float weight (shape only) or an int64 constant with values. */
    record Initializer(String name, List<Long> dims, boolean int64, List<Long> values) {
        static Initializer weight(String name, Long... dims) {
            return new Initializer(name, List.of(dims), false, List.of());
        }

        static Initializer longs(String name, Long... values) {
            return new Initializer(name, List.of((long) values.length), true, List.of(values));
        }
    }

}
