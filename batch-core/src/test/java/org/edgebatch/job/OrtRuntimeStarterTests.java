package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.edgebatch.ort.OrtRuntime;
import org.junit.jupiter.api.Test;

class OrtRuntimeStarterTests {

    @Test
    void aRuntimeStartedEarlyIsHandedOverOnceAndStaysOpenAfterTheStarterCloses() {
        // given
        OrtRuntimeStarter starter = OrtRuntimeStarter.start();

        // when
        try (OrtRuntime runtime = starter.take()) {
            starter.close();

            // then
            assertThat(runtime.availableProviders()).contains("CPUExecutionProvider");
            assertThat(runtime.version()).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
            assertThatThrownBy(starter::take).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the ONNX Runtime started here was taken already");
        }
    }

    @Test
    void aRuntimeNobodyTookIsClosedWithTheStarterAndCannotBeTakenAfterwards() {
        // given
        OrtRuntimeStarter starter = OrtRuntimeStarter.start();

        // when
        starter.close();

        // then
        assertThatThrownBy(starter::take).isInstanceOf(IllegalStateException.class)
                .hasMessage("the ONNX Runtime started here was taken already");
    }
}
