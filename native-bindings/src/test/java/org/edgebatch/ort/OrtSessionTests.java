package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(OrtRuntimeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrtSessionTests {

    private final OrtRuntime runtime;
    // Opened once for the class (one instance per class); the runtime closes it with itself.
    private final OrtSession yolox;

    @TempDir
    Path folder;

    OrtSessionTests(OrtRuntime runtime) {
        this.runtime = runtime;
        this.yolox = runtime.openSession(TestModels.YOLOX_NANO, SessionOptions.defaults().withIntraOpThreads(1));
    }

    @Test
    void describesTheInputsAndOutputsOfTheThreeModels() {
        // given / when
        try (OrtSession v5 = runtime.openSession(TestModels.YOLOV5N_FP16, SessionOptions.defaults());
                OrtSession v8 = runtime.openSession(TestModels.YOLOV8N_INT8, SessionOptions.defaults())) {
            // then
            assertThat(yolox.inputs()).containsExactly(new TensorInfo("images", ElementType.FLOAT32, new long[] {1, 3, 416, 416}));
            assertThat(yolox.outputs()).containsExactly(new TensorInfo("output", ElementType.FLOAT32, new long[] {1, 3549, 85}));
            assertThat(v5.inputs()).containsExactly(new TensorInfo("images", ElementType.FLOAT16, new long[] {1, 3, 640, 640}));
            assertThat(v5.outputs()).containsExactly(new TensorInfo("output0", ElementType.FLOAT16, new long[] {1, 25200, 85}));
            assertThat(v8.inputs()).containsExactly(new TensorInfo("images", ElementType.FLOAT32, new long[] {1, 3, 640, 640}));
            assertThat(v8.outputs()).containsExactly(new TensorInfo("output0", ElementType.FLOAT32, new long[] {1, 84, 8400}));
        }
    }

    @Test
    void readsTheCustomMetadataOfTheModel() {
        // given / when
        try (OrtSession v5 = runtime.openSession(TestModels.YOLOV5N_FP16, SessionOptions.defaults());
                OrtSession tiny = runtime.openSession(TestModels.dynamicAdd(), SessionOptions.defaults())) {
            // then
            assertThat(v5.customMetadata()).containsEntry("stride", "32");
            assertThat(v5.customMetadata().get("names")).startsWith("{0: 'person', 1: 'bicycle'").contains("79: 'toothbrush'");
            assertThat(tiny.customMetadata()).containsExactly(Map.entry("author", "edgebatch-tests"), Map.entry("stride", "8"));
            assertThat(yolox.customMetadata()).isEmpty();
        }
    }

    @Test
    void opensTheSameModelFromBytes() throws Exception {
        // given
        byte[] bytes = Files.readAllBytes(TestModels.YOLOX_NANO);

        // when
        try (OrtSession fromBytes = runtime.openSession(bytes, SessionOptions.defaults().withIntraOpThreads(1))) {
            // then
            assertThat(fromBytes.inputs()).isEqualTo(yolox.inputs());
            assertThat(fromBytes.outputs()).isEqualTo(yolox.outputs());
        }
    }

    @Test
    void aMissingModelFileIsAnErrorNamingThePath() {
        // given
        Path missing = folder.resolve("no-such-model.onnx");

        // when / then
        assertThatThrownBy(() -> runtime.openSession(missing, SessionOptions.defaults()))
                .isInstanceOf(OrtException.class)
                .hasMessageStartingWith("Opening model " + missing)
                .hasMessageContaining("File doesn't exist")
                .satisfies(e -> assertThat(((OrtException) e).errorCode()).isEqualTo(OrtErrorCode.NO_SUCHFILE));
    }

    @Test
    void aTruncatedModelFileIsAnErrorWithOnnxRuntimesMessage() throws Exception {
        // given
        byte[] bytes = Files.readAllBytes(TestModels.YOLOX_NANO);
        Path truncated = Files.write(folder.resolve("truncated.onnx"), Arrays.copyOf(bytes, bytes.length / 3));

        // when / then
        assertThatThrownBy(() -> runtime.openSession(truncated, SessionOptions.defaults()))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining(truncated.toString())
                .hasMessageContaining("Protobuf parsing failed")
                .satisfies(e -> assertThat(((OrtException) e).errorCode()).isEqualTo(OrtErrorCode.INVALID_PROTOBUF));
        assertThatThrownBy(() -> runtime.openSession(Arrays.copyOf(bytes, 100_000), SessionOptions.defaults()))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining("protobuf parsing failed");
    }

    @Test
    void aWrongInputShapeIsAnErrorWithOnnxRuntimesMessage() {
        try (Arena arena = Arena.ofConfined();
                OrtValue small = yolox.createTensor(arena.allocate(3 * 320 * 320 * 4L), ElementType.FLOAT32, 1, 3, 320, 320)) {
            // when / then
            assertThatThrownBy(() -> yolox.run(Map.of("images", small)))
                    .isInstanceOf(OrtException.class)
                    .hasMessageContaining("Got invalid dimensions for input: images")
                    .hasMessageContaining("index: 2 Got: 320 Expected: 416")
                    .satisfies(e -> assertThat(((OrtException) e).errorCode()).isEqualTo(OrtErrorCode.INVALID_ARGUMENT));
        }
        // and a request refuses the shape before any native call
        assertThatThrownBy(() -> yolox.newRequest(new long[] {1, 3, 320, 320}))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining("Input 'images'")
                .hasMessageContaining("[1, 3, 416, 416]")
                .hasMessageContaining("[1, 3, 320, 320]");
    }

    @Test
    void aWrongElementTypeIsAnErrorWithOnnxRuntimesMessage() {
        try (Arena arena = Arena.ofConfined();
                OrtValue bytes = yolox.createTensor(arena.allocate(3 * 416 * 416L), ElementType.UINT8, 1, 3, 416, 416)) {
            // when / then
            assertThatThrownBy(() -> yolox.run(Map.of("images", bytes)))
                    .isInstanceOf(OrtException.class)
                    .hasMessageContaining("Unexpected input data type. Actual: (tensor(uint8)) , expected: (tensor(float))");
        }
    }

    @Test
    void anUnknownInputNameIsAnErrorWithOnnxRuntimesMessage() {
        try (Arena arena = Arena.ofConfined();
                OrtValue input = yolox.createTensor(arena.allocate(3 * 416 * 416 * 4L), ElementType.FLOAT32, 1, 3, 416, 416)) {
            // when / then
            assertThatThrownBy(() -> yolox.run(Map.of("imagez", input)))
                    .isInstanceOf(OrtException.class)
                    .hasMessageContaining("Invalid input name: imagez");
        }
    }

    @Test
    void tensorsNeedNativeMemoryOfTheRightSize() {
        try (Arena arena = Arena.ofConfined()) {
            // when / then
            assertThatThrownBy(() -> yolox.createTensor(MemorySegment.ofArray(new float[12]), ElementType.FLOAT32, 3, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("heap segment");
            assertThatThrownBy(() -> yolox.createTensor(arena.allocate(40), ElementType.FLOAT32, 3, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Tensor data has 40 bytes; shape [3, 4] of FLOAT32 needs 48");
            assertThatThrownBy(() -> yolox.createTensor(arena.allocate(40), ElementType.STRING, 3, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("STRING");
        }
    }

    @Test
    void aDynamicInputNeedsConcreteShapesAndGivesDynamicOutputs() {
        try (OrtSession session = runtime.openSession(TestModels.dynamicAdd(), SessionOptions.defaults())) {
            // given
            assertThat(session.inputs()).containsExactly(new TensorInfo("x", ElementType.FLOAT32, new long[] {-1, 4}));
            assertThatThrownBy(session::newRequest)
                    .isInstanceOf(OrtException.class)
                    .hasMessageContaining("Input 'x'")
                    .hasMessageContaining("dynamic shape [-1, 4]");

            try (InferenceRequest request = session.newRequest(new long[] {3, 4})) {
                for (int i = 0; i < 12; i++) {
                    request.input(0).setAtIndex(JAVA_FLOAT, i, i);
                }
                assertThatThrownBy(() -> request.output(0)).isInstanceOf(IllegalStateException.class);

                // when
                request.run();
                MemorySegment first = request.output(0);
                request.run();

                // then
                assertThat(request.outputShape(0)).containsExactly(3, 4);
                assertThat(request.output(0).toArray(JAVA_FLOAT)).containsExactly(
                        0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22);
                assertThatThrownBy(() -> first.get(JAVA_FLOAT, 0))
                        .as("the previous run's dynamic output is released, not left dangling")
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void uint8TensorsRunThroughBothPaths() {
        try (OrtSession session = runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults());
                InferenceRequest request = session.newRequest();
                Arena arena = Arena.ofConfined()) {
            // given
            byte[] values = {0, 1, (byte) 127, (byte) 128, (byte) 200, (byte) 255};
            MemorySegment.copy(values, 0, request.input(0), JAVA_BYTE, 0, values.length);
            MemorySegment own = arena.allocateFrom(JAVA_BYTE, values);

            // when
            request.run();
            try (OrtValue input = session.createTensor(own, ElementType.UINT8, 1, 6);
                    OrtOutputs outputs = session.run(Map.of("u", input))) {
                // then
                assertThat(request.output(0).toArray(JAVA_BYTE)).containsExactly(values);
                assertThat(outputs.get("v").data().toArray(JAVA_BYTE)).containsExactly(values);
                assertThat(outputs.get(0).info()).isEqualTo(new TensorInfo("v", ElementType.UINT8, new long[] {1, 6}));
            }
        }
    }

    @Test
    void everyCallAfterCloseIsAJavaErrorNotACrash() {
        try (Arena arena = Arena.ofConfined()) {
            // given
            OrtSession session = runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults());
            InferenceRequest request = session.newRequest();
            InferenceRequest closedRequest = session.newRequest();
            MemorySegment requestInput = request.input(0);
            OrtValue input = session.createTensor(arena.allocate(6), ElementType.UINT8, 1, 6);
            OrtOutputs outputs = session.run(Map.of("u", input));
            MemorySegment outputData = outputs.get(0).data();
            closedRequest.close();
            closedRequest.close();

            // when
            session.close();
            session.close();
            outputs.close();
            input.close();
            input.close();

            // then
            assertThatThrownBy(request::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
            assertThatThrownBy(() -> request.input(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> requestInput.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(closedRequest::run).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.run(Map.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("OrtSession for in-memory model");
            assertThatThrownBy(session::newRequest).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createTensor(arena.allocate(6), ElementType.UINT8, 1, 6))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> outputs.get(0).data()).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> outputData.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(input::data).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClosedInputOrOneOverFreedMemoryIsRefused() {
        try (OrtSession session = runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults())) {
            // given
            Arena freed = Arena.ofConfined();
            OrtValue overFreedMemory = session.createTensor(freed.allocate(6), ElementType.UINT8, 1, 6);
            OrtValue closed;
            try (Arena arena = Arena.ofConfined()) {
                closed = session.createTensor(arena.allocate(6), ElementType.UINT8, 1, 6);
            }
            closed.close();

            // when
            freed.close();

            // then
            assertThatThrownBy(() -> session.run(Map.of("u", overFreedMemory)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The memory under OrtValue :UINT8[1, 6] has been freed");
            assertThatThrownBy(() -> session.run(Map.of("u", closed)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("OrtValue :UINT8[1, 6] is closed");
            overFreedMemory.close();
        }
    }

    @Test
    void outputsOfTheGeneralPathOutliveTheirSession() {
        try (Arena arena = Arena.ofConfined()) {
            // given
            OrtSession session = runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults());
            MemorySegment data = arena.allocateFrom(JAVA_BYTE, new byte[] {9, 8, 7, 6, 5, 4});
            try (OrtValue input = session.createTensor(data, ElementType.UINT8, 1, 6);
                    OrtOutputs outputs = session.run(Map.of("u", input))) {
                // when
                session.close();

                // then
                assertThat(outputs.get(0).data().toArray(JAVA_BYTE)).containsExactly(9, 8, 7, 6, 5, 4);
            }
        }
    }
}
