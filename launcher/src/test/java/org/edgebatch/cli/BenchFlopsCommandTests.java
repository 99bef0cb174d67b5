package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bench flops}: the count per model, the timed rate against the ceiling, its JSON, and its refusals. */
class BenchFlopsCommandTests {

    @TempDir
    Path dir;

    @Test
    void countsTimesAndWritesJson() throws Exception {
        // when
        Path json = dir.resolve("flops.json");
        Cli.Result result = Cli.run("bench", "flops", "--data", SharedData.folder().toString(), "--models", "yolox_nano_coco",
                "--runs", "2", "--threads", "1", "--json", json.toString());

        // then
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("CPU: .*GFLOP/s ceiling\n")
                .containsPattern("\nyolox_nano_coco +\\[1, 3, 416, 416] +1\\.045 +all +1 +[0-9.]+ +[0-9.]+ +[0-9.]+ %\n");
        JsonNode written = JsonMapper.shared().readTree(Files.readString(json));
        assertThat(written.get("version").asInt()).isEqualTo(1);
        assertThat(written.get("counts").get(0).get("flops").asLong()).isEqualTo(1_045_106_816L);
        JsonNode rate = written.get("rates").get(0);
        assertThat(rate.get("threads").asInt()).isEqualTo(1);
        assertThat(rate.get("achievedGflops").asDouble())
                .isCloseTo(1.045106816 / (rate.get("medianMillis").asDouble() / 1000), org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    @Test
    void countsOnlyWithNoRunsAndAtAnotherSize() {
        Cli.Result result = Cli.run("bench", "flops", "--data", SharedData.folder().toString(), "--models", "yolov5n_coco_fp16",
                "--runs", "0", "--size", "320");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("\nyolov5n_coco_fp16 +\\[1, 3, 320, 320] +1\\.117 +all\n")
                .doesNotContain("median ms");
    }

    @Test
    void refusesAModelThatIsNotThere() {
        Cli.Result result = Cli.run("bench", "flops", "--data", SharedData.folder().toString(), "--models", "yolov9_huge");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no model yolov9_huge.onnx in " + SharedData.folder().resolve("models"));
    }
}
