package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench job} end to end on a little footage, and the bench commands' refusals. */
@ExtendWith(KeepersGone.class)
class BenchCommandTests {

    @TempDir
    Path dir;

    @Test
    void benchJobRendersFootageRunsTheJobAndTheDetectorAloneAndReportsTheRatioAndPeakMemory() {
        // when
        Cli.Result result = Cli.run("bench", "job", "--seconds", "2", "--rounds", "1", "--work", dir.toString(),
                "--data", SharedData.folder().toString(), "--model", SharedData.fastModel().toString());

        // then
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Rendering 2 s of 1080p25 footage")
                .containsPattern("round 1/1: job [0-9.]+ fps \\(detect step; [0-9.]+ fps start to end of the job\\), 50 frames,"
                        + " detector alone [0-9.]+ fps as the job runs it \\([0-9.]+ fps one inference on 2 threads\\), ratio [0-9.]+,"
                        + " decoder alone [0-9]+ fps")
                .containsPattern("median detector alone +[0-9.]+ fps as the job infers \\(2 at once, 1 ONNX Runtime thread\\(s\\) each\\)")
                .containsPattern("median ratio job / alone +[0-9.]+ \\(to the faster detector-alone way; rounds \\[[0-9.]+\\]\\)")
                .containsPattern("CPU bound with decoding +[0-9.]+ fps = ratio [0-9.]+")
                .containsPattern("peak RSS after the first job: [0-9]+ MiB");
        assertThat(dir.resolve("footage-2s/walk-1080p25-2s.mp4")).isRegularFile();
        assertThat(dir.resolve("footage-2s/walk-1080p25-2s.mp4.part")).doesNotExist();
    }

    @Test
    void benchJobRefusesAMissingModel() {
        Cli.Result result = Cli.run("bench", "job", "--work", dir.toString(), "--model", dir.resolve("none.onnx").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains("model " + dir.resolve("none.onnx") + " does not exist");
    }

    @Test
    void benchInferenceRefusesAnUnknownModel() {
        Cli.Result result = Cli.run("bench", "inference", "--data", SharedData.folder().toString(), "--models", "yolov99");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains("model " + SharedData.folder().resolve("models/yolov99.onnx") + " not found");
    }
}
