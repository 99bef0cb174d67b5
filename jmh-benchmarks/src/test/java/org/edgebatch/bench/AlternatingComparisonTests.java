package org.edgebatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class AlternatingComparisonTests {

    @Test
    void oneShortRoundMeasuresEveryBindingAndTheStages() throws Exception {
        // given
        var settings = AlternatingComparison.ComparisonSettings.parse(
                "--models", "yolox_nano_coco", "--rounds", "1", "--warmup", "1", "--iterations", "1", "--seconds", "1");
        var log = new StringWriter();

        // when
        ComparisonReport report = new AlternatingComparison(BenchmarkData.locate(), settings, new PrintWriter(log, true)).run();

        // then
        assertThat(report.models()).singleElement().satisfies(model -> {
            assertThat(model.medianMillis()).containsOnlyKeys("ffm", "jni", "jniPinned", "idle")
                    .allSatisfy((binding, millis) -> assertThat(millis).isPositive());
            assertThat(model.ffmRatio()).containsOnlyKeys("jni", "jniPinned")
                    .allSatisfy((binding, ratio) -> assertThat(ratio.median()).isPositive().isFinite());
            // ONNX Runtime's Java API copies every output into a new buffer (1.2 MB for YOLOX-nano); the FFM hot path
            // allocates nothing itself, what JMH charges it is the background of every other thread of this test JVM
            // (tens of KB per operation in a one-second run, less in longer ones).
            assertThat(model.bytesPerOp().get("jni")).isGreaterThan(1_000_000);
            assertThat(model.bytesPerOp().get("ffm")).isLessThan(model.bytesPerOp().get("jni") / 10);
            assertThat(model.stages().calls()).isPositive();
            assertThat(model.stages().medianOverheadShare()).isPositive().isLessThan(1);
            assertThat(model.decodedStages().calls()).isEqualTo(model.stages().calls());
        });
        assertThat(report.markdown()).contains("| yolox_nano_coco |", "FFM / Java API", "(pre+post)/inference", "job-decoded");
        assertThat(report.json()).startsWith("{\"threads\": 2, \"rounds\": 1").contains("\"model\": \"yolox_nano_coco\"");
        assertThat(log.toString()).contains("warm-up", "round 1/1", "ffm", "jniPinned");
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> AlternatingComparison.ComparisonSettings.parse("--rounds", "many"))
                .hasMessage("--rounds needs a whole number, was 'many'");
        assertThatThrownBy(() -> AlternatingComparison.ComparisonSettings.parse("--speed", "1"))
                .hasMessage("unknown option: --speed");
        assertThatThrownBy(() -> AlternatingComparison.ComparisonSettings.parse("--rounds", "0"))
                .hasMessageContaining("--rounds");
        assertThatThrownBy(() -> AlternatingComparison.ComparisonSettings.parse("--models"))
                .hasMessage("unknown option or missing value: --models");
    }
}
