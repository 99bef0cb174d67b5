package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad inputs through the command line, each with its message and exit code: refused before any job exists (2), or a
 * job that fails where the input is bad (1) and completes once it is fixed. In this JVM, with a job repository of the
 * test's ({@code --db}).
 */
@ExtendWith(KeepersGone.class)
class BadInputIntegrationTests {

    @TempDir
    Path dir;

    Path videos;
    String db;

    @BeforeEach
    void footage() {
        videos = dir.resolve("videos");
        TestData.walking(videos.resolve("good.mp4"), 320, 180, 10, 2, 0.3, 1.7);
        db = dir.resolve("db").toString();
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingIt() {
        // given
        Path spec = TestData.spec(dir, "bad", """
                input: {paths: [videos]}
                model: {path: %s}
                """.formatted(SharedData.fastModel()));

        // when
        Cli.Result run = run(spec);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("edgebatch run: bad.yaml: missing required field 'name'\n");
        assertNoJob();
    }

    @Test
    void anUnknownFieldIsRefusedWithItsLineAndTheKnownFields() {
        // given: a misspelt field
        Path spec = TestData.spec(dir, "bad", """
                name: bad
                input: {paths: [videos]}
                model: {path: %s}
                chunksize: 8
                """.formatted(SharedData.fastModel()));

        // when
        Cli.Result run = run(spec);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgebatch run: bad.yaml: unknown field 'chunksize' (line 4); known fields: name, input,");
    }

    @Test
    void anInputPathOutsideTheNodesAllowListIsRefused() throws Exception {
        // given: node a may read only its own folder
        Files.createDirectories(dir.resolve("a"));
        Path spec = TestData.spec(dir, "bad", """
                name: bad
                input: {paths: [videos]}
                nodes:
                  - id: a
                    paths: [a]
                model: {path: %s}
                """.formatted(SharedData.fastModel()));

        // when
        Cli.Result run = run(spec);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("edgebatch run: input path " + videos + " is outside the allow-list of node 'a' "
                + "[" + dir.resolve("a") + "] (target all)\n");
        assertNoJob();
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheAllowListIsRefused() throws Exception {
        // given: a link inside node a's folder to a video outside it
        Path a = Files.createDirectories(dir.resolve("a"));
        Path link = Files.createSymbolicLink(a.resolve("escape.mp4"), videos.resolve("good.mp4"));
        Path spec = TestData.spec(dir, "bad", """
                name: bad
                input: {paths: [a]}
                nodes:
                  - id: a
                    paths: [a]
                model: {path: %s}
                """.formatted(SharedData.fastModel()));

        // when
        Cli.Result run = run(spec);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("edgebatch run: " + link + " (resolves to " + videos.resolve("good.mp4").toRealPath()
                + "), found under input path " + a + ", is outside the allow-list of node 'a' [" + a + "] (target all)\n");
        assertNoJob();
    }

    @Test
    void aTruncatedVideoFailsItsPartitionNamingTheFileWhileTheOtherCompletesAndARestartAfterTheFixCompletes() throws Exception {
        // given: a second video cut in half, as an interrupted copy leaves it
        Path cut = TestData.walking(videos.resolve("cut.mp4"), 320, 180, 10, 3, 0.5, 2.5);
        byte[] whole = Files.readAllBytes(cut);
        WalkingFootage.settled(Files.write(cut, Arrays.copyOf(whole, whole.length / 2)));
        // a partition per file: the good file's partition completes whatever the order
        Path spec = TestData.spec(dir, "cut", Files.readString(TestData.fastModelSpec(dir, "cut", 8))
                .replace("input: {paths: [videos]}", "input: {paths: [videos], partitionFiles: 1}"));

        // when
        Cli.Result run = run(spec);

        // then: the job fails naming the file; the good video's partition completed
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        String truncated = cut.toRealPath() + ": truncated: the video data ends at ";
        assertThat(run.out()).contains("Job cut, execution ").contains(": FAILED").contains("Failure: " + truncated)
                .contains("FAILED; run the unfinished part again with: edgebatch restart ");
        long id = Long.parseLong(run.out().replaceAll("(?s).*Job cut, execution (\\d+): FAILED.*", "$1"));
        JsonNode status = JsonMapper.shared().readTree(Cli.run("status", Long.toString(id), "--db", db, "--json").out());
        JsonNode broken = partition(status, "detectWorker", "cut.mp4");
        assertThat(broken.get("status").asString()).isEqualTo("FAILED");
        assertThat(broken.get("failure").asString()).startsWith(truncated);
        assertThat(partition(status, "detectWorker", "good.mp4").get("status").asString()).isEqualTo("COMPLETED");

        // when: the file is copied again, whole, and the job restarted
        Files.write(cut, whole);
        Cli.Result restart = Cli.run("restart", Long.toString(id), "--db", db, "--progress", "none");

        // then
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(restart.out()).contains(": COMPLETED").doesNotContain("Failure:");
    }

    @Test
    void aFileThatIsNoVideoNamedDirectlyIsRefusedNamingIt() throws Exception {
        // given
        Path notes = WalkingFootage.settled(Files.writeString(videos.resolve("notes.mp4"), "these are not frames"));
        Path spec = TestData.spec(dir, "bad", """
                name: bad
                input: {paths: [videos/notes.mp4]}
                model: {path: %s}
                """.formatted(SharedData.fastModel()));

        // when
        Cli.Result run = run(spec);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgebatch run: not a readable video: " + notes.toRealPath() + ": ");
        assertNoJob();
    }

    @Test
    void aFileThatIsNoVideoInAFolderIsLeftOutWithItsReasonAndTheRunCompletes() throws Exception {
        // given: beside the good clip, a file that is no video and one being written now
        Path notes = WalkingFootage.settled(Files.writeString(videos.resolve("notes.mp4"), "these are not frames"));
        Path fresh = Files.copy(videos.resolve("good.mp4"), videos.resolve("fresh.mp4"));
        Path spec = TestData.spec(dir, "bad", """
                name: bad
                input: {paths: [videos]}
                model: {path: %s}
                publish: {target: none}
                """.formatted(SharedData.fastModel()));

        // when
        Cli.Result run = run(spec);

        // then: the summary names both
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 file(s) left out, not readable videos:").contains(notes.toRealPath() + " (local): ")
                .contains("1 file(s) deferred to the next run").contains(fresh.toRealPath() + " (local)");
        long id = Long.parseLong(run.out().replaceAll("(?s).*Job bad, execution (\\d+): COMPLETED.*", "$1"));
        JsonNode status = JsonMapper.shared().readTree(Cli.run("status", Long.toString(id), "--db", db, "--json").out());
        assertThat(status.get("leftOut").valueStream().map(file -> file.get("kind").asString() + " " + file.get("path").asString()))
                .containsExactlyInAnyOrder("unreadable " + notes.toRealPath(), "deferred " + fresh.toRealPath());
        assertThat(status.get("partitions").valueStream().filter(p -> p.get("step").asString().equals("detectWorker"))
                .map(p -> p.get("video").asString())).containsExactly(videos.resolve("good.mp4").toRealPath().toString());
    }

    @Test
    void aMissingModelIsRefusedNamingItWhetherInTheSpecOrGivenAsAFlag() {
        // given
        Path spec = TestData.spec(dir, "bad", """
                name: bad
                input: {paths: [videos]}
                model: {path: models/yolo.onnx}
                """);

        // when
        Cli.Result inSpec = run(spec);
        Cli.Result asFlag = Cli.run("run", spec.toString(), "--db", db, "--model", dir.resolve("other.onnx").toString());

        // then
        assertThat(inSpec.exitCode()).isEqualTo(2);
        assertThat(inSpec.err()).isEqualTo("edgebatch run: bad.yaml: model.path: model file not found: "
                + dir.resolve("models/yolo.onnx") + " (line 3)\n");
        assertThat(asFlag.exitCode()).isEqualTo(2);
        assertThat(asFlag.err()).isEqualTo("edgebatch run: bad.yaml: model.path: model file not found: "
                + dir.resolve("other.onnx") + " (set by override)\n");
    }

    private Cli.Result run(Path spec) {
        return Cli.run("run", spec.toString(), "--db", db, "--progress", "none");
    }

    private void assertNoJob() {
        Cli.Result jobs = Cli.run("jobs", "--db", db, "--json");
        assertThat(jobs.exitCode()).isZero();
        assertThat(jobs.out().strip()).isEqualTo("[ ]");
    }

    private static JsonNode partition(JsonNode status, String step, String video) {
        return status.get("partitions").valueStream()
                .filter(p -> p.get("step").asString().equals(step) && p.get("video").asString().endsWith(video))
                .findFirst().orElseThrow();
    }
}
