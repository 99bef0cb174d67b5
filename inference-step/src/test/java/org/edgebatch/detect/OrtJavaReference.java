package org.edgebatch.detect;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edgebatch.ort.ElementType;

/**
 * Runs a model through ONNX Runtime's own Java API with our pre- and post-processing: the reference
 * the FFM-based detector is checked against, and a way to test the decoders on real outputs.
 */
final class OrtJavaReference implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final ModelInput input;
    private final long[] outputShape;
    private final ElementType outputType;
    private final Map<String, String> metadata;

    OrtJavaReference(Path model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            session = environment.createSession(model.toString(), options);
        }
        Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
        inputName = in.getKey();
        TensorInfo inputInfo = (TensorInfo) in.getValue().getInfo();
        long[] shape = inputInfo.getShape();
        input = new ModelInput((int) shape[3], (int) shape[2], elementType(inputInfo.type));
        TensorInfo outputInfo = (TensorInfo) session.getOutputInfo().values().iterator().next().getInfo();
        outputShape = outputInfo.getShape();
        outputType = elementType(outputInfo.type);
        metadata = session.getMetadata().getCustomMetadata();
    }

    ModelInput input() {
        return input;
    }

    long[] outputShape() {
        return outputShape;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    OutputLayout layout() {
        return OutputLayout.detect(outputShape, input.width(), input.height());
    }

    /** Letterboxes, runs and decodes one image; everything but the inference is our own code. */
    List<Detection> detect(BgrImage image, DetectionSettings settings) throws OrtException {
        OutputLayout layout = layout();
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) input.byteSize()).order(ByteOrder.nativeOrder());
        LetterboxTransform transform = new Letterbox(layout.letterboxStyle(), input).apply(image, MemorySegment.ofBuffer(buffer));
        YoloPostprocessor postprocessor = new YoloPostprocessor(
                layout.decoder(outputShape, input.width(), input.height()), Labels.coco(), settings);
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, buffer, input.shape(), javaType(input.elementType()));
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            ByteBuffer output = ((OnnxTensor) result.get(0)).getByteBuffer().order(ByteOrder.nativeOrder());
            return postprocessor.process(MemorySegment.ofBuffer(output), outputType, transform);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    private static ElementType elementType(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> ElementType.FLOAT32;
            case FLOAT16 -> ElementType.FLOAT16;
            case UINT8 -> ElementType.UINT8;
            default -> throw new IllegalArgumentException("unexpected tensor type " + type);
        };
    }

    private static OnnxJavaType javaType(ElementType type) {
        return switch (type) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case UINT8 -> OnnxJavaType.UINT8;
            default -> throw new IllegalArgumentException("unexpected element type " + type);
        };
    }
}
