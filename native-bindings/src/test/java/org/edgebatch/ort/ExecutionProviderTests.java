package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(OrtRuntimeExtension.class)
class ExecutionProviderTests {

    private final OrtRuntime runtime;

    ExecutionProviderTests(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    @ParameterizedTest
    @CsvSource({"cpu, CPU", "OpenVINO, OPENVINO", " tensorrt , TENSORRT", "CUDA, CUDA",
            "CUDAExecutionProvider, CUDA", "TensorrtExecutionProvider, TENSORRT"})
    void providersAreChosenByName(String name, ExecutionProvider expected) {
        assertThat(ExecutionProvider.byName(name)).isEqualTo(expected);
    }

    @Test
    void anUnknownProviderNameIsRefusedWithTheAcceptedNames() {
        assertThatThrownBy(() -> ExecutionProvider.byName("coreml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown execution provider 'coreml'; expected one of: cpu, openvino, tensorrt, cuda");
    }

    @Test
    void theCpuProviderIsTheDefaultAndTakesNoOptions() {
        // given
        SessionOptions withOptions = SessionOptions.defaults().withProviderOptions(Map.of("device_type", "GPU"));

        // when / then
        assertThat(SessionOptions.defaults().executionProvider()).isEqualTo(ExecutionProvider.CPU);
        assertThatThrownBy(() -> runtime.openSession(TestModels.uint8Identity(), withOptions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpu execution provider takes no provider options");
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionProvider.class, names = {"OPENVINO", "TENSORRT", "CUDA"})
    void aProviderThisBuildLacksFailsAtSessionCreationNamingItsLibrary(ExecutionProvider provider) {
        // given
        SessionOptions options = SessionOptions.defaults().withExecutionProvider(provider);
        String library = System.mapLibraryName("onnxruntime_providers_" + provider.id());

        // when / then
        assertThatThrownBy(() -> runtime.openSession(TestModels.uint8Identity(), options))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining("Execution provider '" + provider.id() + "' (" + provider.ortName() + ")")
                .hasMessageContaining("provider library " + library + " (looked for in "
                        + runtime.libraryPath().getParent() + ")")
                .hasMessageContaining("Available providers: [CPUExecutionProvider]")
                .hasMessageContaining("ONNX Runtime said: ")
                .satisfies(e -> assertThat(((OrtException) e).ortMessage()).isPresent());
    }

    @Test
    void providerOptionsReachTheProviderCall() {
        // given: unknown keys would be refused by a real OpenVINO provider; here the library itself is missing first
        SessionOptions options = SessionOptions.defaults().withExecutionProvider(ExecutionProvider.OPENVINO)
                .withProviderOptions(Map.of("device_type", "CPU", "num_of_threads", "2"));

        // when / then
        assertThatThrownBy(() -> runtime.openSession(TestModels.uint8Identity(), options))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining("libonnxruntime_providers_openvino");
    }
}
