package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgebatch.bench.suite.SuiteReport;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bench suite --quick} end to end on 2 s of footage and one small model; its JSON against the checked-in schema. */
@ExtendWith(KeepersGone.class)
class BenchSuiteCommandTests {

    @TempDir
    Path dir;

    @Test
    void quickSuiteFingerprintsTimesDecodesRunsTheJobsAndWritesJsonTheSchemaAccepts() throws Exception {
        // given a provider this ONNX Runtime build lacks beside the CPU
        Path json = dir.resolve("suite.json");

        // when
        long start = System.nanoTime();
        Cli.Result result = Cli.run("bench", "suite", "--quick", "--seconds", "2", "--models", "yolox_nano_coco",
                "--providers", "cpu,openvino", "--name", "test-box", "--work", dir.resolve("work").toString(),
                "--data", SharedData.folder().toString(), "--json", json.toString());
        double seconds = (System.nanoTime() - start) / 1e9;

        // then it completed within the quick budget, printing the machine, the detector, decode and job tables
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(seconds).as("--quick on 2 s of footage").isLessThan(180);
        assertThat(result.out()).contains("Machine test-box (quick suite)").containsPattern("CPU +.+, [0-9]+ cores, [0-9]+ threads")
                .containsPattern("\nyolox_nano_coco +cpu +1\\.045 +1 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ %\n")
                .containsPattern("\nyolox_nano_coco +cpu +1\\.045 +[0-9]+ at once +- +[0-9.]+ +[0-9.]+ +[0-9.]+ %\n")
                .containsPattern("\nyolox_nano_coco +openvino +1\\.045 +unavailable: OpenVINOExecutionProvider is not in this ONNX Runtime build")
                .containsPattern("\n1080p25 +every frame +50 +[0-9.]+ +[0-9.]+ *\n")
                .containsPattern("\n1080p25 +every 10th frame +5 +[0-9.]+ +[0-9.]+ +-?[0-9]+ %\n")
                .containsPattern("\n1080p25 +key frames +1 +[0-9.]+ +[0-9.]+ *\n")
                .containsPattern("\nyolox_nano_coco +cpu +1080p25 +every frame +50 +[0-9.]+ +[0-9.]+\n")
                .containsPattern("\nyolox_nano_coco +cpu +1080p25 +fps 1 +2 +[0-9.]+ +[0-9.]+\n")
                .containsPattern("\nyolox_nano_coco +cpu +1080p25 +key frames +1 +[0-9.]+ +[0-9.]+\n")
                .containsPattern("Peak RSS [0-9]+ MiB");

        // and its JSON matches the schema, with the fingerprint of this machine and the missing provider named
        JsonNode written = JsonMapper.shared().readTree(Files.readString(json));
        assertThat(problems(written)).isEmpty();
        assertThat(written.get("version").asInt()).isEqualTo(SuiteReport.VERSION);
        JsonNode fingerprint = written.get("fingerprint");
        assertThat(fingerprint.get("cpuModel").asString()).isNotBlank().isNotEqualTo("unknown");
        assertThat(fingerprint.get("threads").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(fingerprint.get("memoryBytes").asLong()).isPositive();
        assertThat(fingerprint.get("onnxRuntime").asString()).matches("1\\.[0-9]+\\.[0-9]+");
        assertThat(fingerprint.get("providers").toString()).contains("CPUExecutionProvider");
        assertThat(written.get("models").get(1).get("status").asString()).startsWith("unavailable: OpenVINOExecutionProvider");
        assertThat(written.get("models").get(0).get("framesAtOnce").get("streams").asInt())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(written.get("jobs")).hasSize(3);
    }

    @Test
    void theSchemaRefusesAReportMissingAFieldOrWithABadStatus() throws Exception {
        JsonNode valid = JsonMapper.shared().readTree("""
                {"version": 1, "machine": "m", "createdAt": "2026-12-05T12:00:00Z", "quick": true,
                 "fingerprint": {"cpuModel": "c", "cores": 1, "threads": 2, "isa": ["AVX2"], "memoryBytes": 1, "os": "o",
                                 "kernel": "k", "java": "25", "onnxRuntime": "1.29.0", "providers": ["CPUExecutionProvider"]},
                 "ceiling": null,
                 "models": [{"model": "m", "provider": "cuda", "status": "unavailable: not built", "gflops": 1.0, "latency": [],
                             "framesAtOnce": null}],
                 "decode": [], "jobs": [], "peakRssBytes": -1}
                """);
        assertThat(problems(valid)).isEmpty();

        assertThat(problems(JsonMapper.shared().readTree(valid.toString().replace("\"machine\":\"m\",", ""))))
                .anySatisfy(problem -> assertThat(problem).contains("machine"));
        assertThat(problems(JsonMapper.shared().readTree(valid.toString().replace("unavailable: not built", "broken"))))
                .anySatisfy(problem -> assertThat(problem).contains("status"));
    }

    @Test
    void theVersion1FileBenchCompareIsTestedWithIsOneThisBuildWrites() throws Exception {
        // the quick suite of this machine that BenchCompareCommandTests compares
        try (InputStream in = getClass().getResourceAsStream("/bench-compare/vm-2core-v1.json")) {
            assertThat(problems(JsonMapper.shared().readTree(in))).isEmpty();
        }
    }

    @Test
    void refusesAnUnknownProvider() {
        Cli.Result result = Cli.run("bench", "suite", "--quick", "--providers", "tpu", "--work", dir.toString(),
                "--data", SharedData.folder().toString(), "--models", "yolox_nano_coco");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains("--providers: Unknown execution provider 'tpu'");
    }

    private static List<String> problems(JsonNode report) throws Exception {
        try (InputStream in = SuiteReport.class.getResourceAsStream(SuiteReport.SCHEMA)) {
            assertThat(in).as(SuiteReport.SCHEMA).isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            return schema.validate(report).stream().map(Error::toString).toList();
        }
    }
}
