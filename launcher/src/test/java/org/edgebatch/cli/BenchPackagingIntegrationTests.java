package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher carries JMH and the benchmarks for {@code bench} alone: not in {@code lib/} nor in the jar's
 * manifest Class-Path, which every command runs with, but in {@code bench-lib/}, which the bench commands load from.
 */
@ExtendWith(KeepersGone.class)
class BenchPackagingIntegrationTests {

    private static final List<String> BENCH_ONLY = List.of("jmh-core-", "jopt-simple-", "jmh-benchmarks-", "protobuf-java-");

    @TempDir
    Path dir;

    @Test
    void theLaunchersRuntimeClassPathHasNoJmhJar() throws IOException {
        // given
        Path jar = CliProcess.jar();

        // when
        List<String> manifestClassPath;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifestClassPath = List.of(file.getManifest().getMainAttributes().getValue("Class-Path").split(" "));
        }
        List<String> lib = names(jar.resolveSibling("lib"));
        List<String> benchLib = names(jar.resolveSibling(BenchLibraries.FOLDER));

        // then
        assertThat(manifestClassPath).as("the jar's Class-Path").isNotEmpty().allSatisfy(entry -> assertThat(entry).startsWith("lib/"))
                .noneSatisfy(entry -> assertThat(BENCH_ONLY).anySatisfy(name -> assertThat(entry).contains(name)));
        assertThat(lib).as("lib/").contains("picocli-4.7.7.jar")
                .noneSatisfy(file -> assertThat(BENCH_ONLY).anySatisfy(name -> assertThat(file).startsWith(name)));
        assertThat(benchLib).as(BenchLibraries.FOLDER + "/")
                .allSatisfy(file -> assertThat(BENCH_ONLY).anySatisfy(name -> assertThat(file).startsWith(name)))
                .anySatisfy(file -> assertThat(file).startsWith("jmh-core-"))
                .anySatisfy(file -> assertThat(file).startsWith("jmh-benchmarks-"));
    }

    @Test
    void benchInferenceRunsJmhFromTheBenchLibraries() throws IOException {
        // when
        CliProcess.Finished result = CliProcess.run(home(), Duration.ofMinutes(3), "bench", "inference",
                "--data", SharedData.folder().toString(), "--models", "yolox_nano_coco",
                "--rounds", "1", "--warmup", "0", "--iterations", "1", "--seconds", "1");

        // then
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("round 1/1 +yolox_nano_coco +jniPinned +median +[0-9.]+ ms")
                .contains("| yolox_nano_coco | ", "FFM / Java API", "| yolox_nano_coco | job-decoded |");
    }

    @Test
    void benchJobRunsTheJobFromTheBenchLibraries() throws IOException {
        // when
        CliProcess.Finished result = CliProcess.run(home(), Duration.ofMinutes(3), "bench", "job", "--seconds", "1",
                "--rounds", "1", "--job-only", "--work", dir.resolve("work").toString(),
                "--data", SharedData.folder().toString(), "--model", SharedData.fastModel().toString());

        // then
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Rendering 1 s of 1080p25 footage")
                .containsPattern("round 1/1: job [0-9.]+ fps \\(detect step; [0-9.]+ fps start to end of the job\\), 25 frames\n")
                .containsPattern("median job rate +[0-9.]+ fps \\(detect step\\)")
                .containsPattern("peak RSS after the first job: [0-9]+ MiB");
    }

    @Test
    void benchCompareNeedsNoBenchLibrariesAndDrawsItsChartsFromLib() throws Exception {
        // given two machines' suite JSON
        Path vm = Path.of(getClass().getResource("/bench-compare/vm-2core-v1.json").toURI());
        Path nuc = Path.of(getClass().getResource("/bench-compare/old-nuc-v0.json").toURI());
        Path png = dir.resolve("compare.png");

        // when
        CliProcess.Finished result = CliProcess.run(home(), Duration.ofMinutes(1), "bench", "compare", vm.toString(),
                nuc.toString(), "--png", png.toString());

        // then it ran in the launcher's own JVM (JFreeChart is in lib/) and drew the charts
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("machine +vm +old-nuc\n");
        assertThat(png).isNotEmptyFile();
    }

    private Path home() throws IOException {
        return Files.createDirectories(dir.resolve("home"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
