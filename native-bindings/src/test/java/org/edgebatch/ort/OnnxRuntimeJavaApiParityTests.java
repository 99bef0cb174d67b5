package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession.Result;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same model and input through both paths of these bindings and through ONNX Runtime's own Java API (JNI). */
@ExtendWith(OrtRuntimeExtension.class)
class OnnxRuntimeJavaApiParityTests {

    private final OrtRuntime runtime;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

    OnnxRuntimeJavaApiParityTests(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(TestModels.YOLOX_NANO, 255f),
                Arguments.of(TestModels.YOLOV5N_FP16, 1f),
                Arguments.of(TestModels.YOLOV8N_INT8, 1f));
    }

    @ParameterizedTest
    @MethodSource("models")
    void outputsEqualOnnxRuntimesOwnJavaApi(Path model, float inputScale) throws Exception {
        try (OrtSession session = runtime.openSession(model, SessionOptions.defaults().withIntraOpThreads(2));
                InferenceRequest request = session.newRequest();
                ai.onnxruntime.OrtSession.SessionOptions jniOptions = new ai.onnxruntime.OrtSession.SessionOptions()) {
            // given
            TensorInfo input = request.inputInfo(0);
            TensorInfo output = request.outputInfo(0);
            TensorAssertions.fill(request.input(0), input.elementType(), 42, inputScale);
            jniOptions.setIntraOpNumThreads(2);
            jniOptions.setOptimizationLevel(OptLevel.ALL_OPT);
            ByteBuffer jniInput = ByteBuffer.allocateDirect((int) input.byteSize()).order(ByteOrder.nativeOrder());
            MemorySegment.ofBuffer(jniInput).copyFrom(request.input(0));
            OnnxJavaType jniType = input.elementType() == ElementType.FLOAT16 ? OnnxJavaType.FLOAT16 : OnnxJavaType.FLOAT;

            // when
            request.run();
            float[] ours = TensorAssertions.floats(request.output(0), output.elementType());
            float[] oursGeneral;
            try (OrtValue tensor = session.createTensor(request.input(0), input.elementType(), input.shape());
                    OrtOutputs outputs = session.run(Map.of(input.name(), tensor))) {
                oursGeneral = TensorAssertions.floats(outputs.get(0).data(), outputs.get(0).elementType());
            }
            float[] theirs;
            try (ai.onnxruntime.OrtSession jniSession = environment.createSession(model.toString(), jniOptions);
                    OnnxTensor tensor = OnnxTensor.createTensor(environment, jniInput, input.shape(), jniType);
                    Result result = jniSession.run(Map.of(input.name(), tensor))) {
                OnnxTensor jniOutput = (OnnxTensor) result.get(0);
                assertThat(jniOutput.getInfo().getShape()).containsExactly(request.outputShape(0));
                ByteBuffer raw = jniOutput.getByteBuffer().order(ByteOrder.nativeOrder());
                theirs = TensorAssertions.floats(MemorySegment.ofBuffer(raw), output.elementType());
            }

            // then
            double difference = TensorAssertions.maxAbsoluteDifference(theirs, ours);
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                    "{0}: largest difference to ONNX Runtime''s Java API {1}", model.getFileName(), difference);
            assertThat(ours).hasSize((int) output.elementCount());
            assertThat(difference).isLessThanOrEqualTo(1e-5);
            assertThat(TensorAssertions.maxAbsoluteDifference(theirs, oursGeneral)).isLessThanOrEqualTo(1e-5);
        }
    }
}
