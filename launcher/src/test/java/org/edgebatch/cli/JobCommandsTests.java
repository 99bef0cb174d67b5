package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The text and the JSON shapes of run, status, jobs and events over one small job run in this JVM. */
@ExtendWith(KeepersGone.class)
class JobCommandsTests {

    @TempDir
    static Path dir;

    static String db;
    static Cli.Result run;
    static JsonNode outcome;

    @BeforeAll
    static void runOneSmallJob() {
        Path videos = dir.resolve("videos");
        TestData.walking(videos.resolve("walk.mp4"), 320, 180, 10, 2, 0.3, 1.7);
        Path spec = TestData.fastModelSpec(dir, "shapes", 8);
        db = dir.resolve("db").toString();
        run = Cli.run("run", spec.toString(), "--db", db, "--json", "--progress", "none");
        outcome = JsonMapper.shared().readTree(run.out());
    }

    @Test
    void runPrintsItsOutcomeAsJsonAndExitsZeroWhenTheJobCompleted() {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(names(outcome)).containsExactly("jobExecutionId", "jobInstanceId", "jobName", "status", "exitCode", "failure",
                "reportFile", "eventsFolder", "report");
        assertThat(outcome.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(outcome.get("failure").asString()).isEmpty();
        // under the repository's folder: execution and instance ids are counted per repository
        Path reportFile = Path.of(outcome.get("reportFile").asString());
        assertThat(reportFile).exists();
        assertThat(dir.resolve("out/runs").relativize(reportFile).toString())
                .matches("[0-9a-f]{8}/" + outcome.get("jobExecutionId").asLong() + "/report.json");
        Path eventsFolder = Path.of(outcome.get("eventsFolder").asString());
        assertThat(eventsFolder).isDirectory();
        assertThat(dir.resolve("out/shapes").relativize(eventsFolder).toString())
                .isEqualTo(reportFile.getParent().getParent().getFileName() + "/" + outcome.get("jobInstanceId").asLong());
        assertThat(outcome.get("report").get("totals").get("framesDecoded").asLong()).isEqualTo(20);
        assertThat(names(outcome.get("report"))).containsExactly("jobExecutionId", "jobName", "status", "startTime", "endTime",
                "model", "totals", "nodes", "events", "leftOut");
    }

    @Test
    void statusJsonHasTheExecutionItsStepsAndItsPartitions() {
        // when
        Cli.Result status = Cli.run("status", id(), "--db", db, "--json");

        // then
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode json = JsonMapper.shared().readTree(status.out());
        assertThat(names(json)).containsExactly("jobExecutionId", "jobInstanceId", "jobName", "status", "exitCode", "failure",
                "startTime", "endTime", "specSource", "runner", "steps", "partitions", "nodes", "leftOut");
        assertThat(json.get("nodes")).hasSize(1);
        assertThat(names(json.get("nodes").get(0))).containsExactly("nodeId", "bytesScanned", "bytesUploaded", "events",
                "pendingUploads");
        assertThat(json.get("nodes").get(0).get("nodeId").asString()).isEqualTo("local");
        assertThat(json.get("nodes").get(0).get("bytesScanned").asLong()).as("the shapes footage was scanned").isPositive();
        assertThat(json.get("specSource").asString()).endsWith("shapes.yaml");
        assertThat(json.get("steps")).extracting(step -> step.get("name").asString()).containsExactly("inventory", "detect", "events");
        assertThat(names(json.get("steps").get(0))).containsExactly("name", "status", "writeCount", "skipCount", "failure");
        assertThat(json.get("partitions")).hasSize(2);
        JsonNode detect = json.get("partitions").get(0);
        assertThat(names(detect)).containsExactly("step", "partition", "node", "video", "status", "lastFrameIndex", "frames",
                "undecodable", "failure", "host", "framesInferred", "detections", "files");
        assertThat(detect.get("node").asString()).isEqualTo("local");
        assertThat(detect.get("files")).hasSize(1);
        assertThat(names(detect.get("files").get(0))).containsExactly("video", "frames", "framesDone", "framesInferred", "detections");
        assertThat(detect.get("files").get(0).get("framesDone").asLong()).isEqualTo(20);
        assertThat(detect.get("lastFrameIndex").asLong()).isEqualTo(19);
        assertThat(detect.get("host").asString()).as("the host whose worker claimed it").isNotEmpty();
        assertThat(detect.get("framesInferred").asLong()).isEqualTo(20);
    }

    @Test
    void statusTextWithoutAnIdShowsTheLatestExecutionAligned() {
        // when
        Cli.Result status = Cli.run("status", "--db", db);

        // then
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).startsWith("Execution " + id() + " of job shapes (instance " + outcome.get("jobInstanceId").asLong()
                + "): COMPLETED\n  spec      " + dir.resolve("shapes.yaml"));
        assertThat(status.out()).contains("\n  step       status     written  skipped\n  inventory  COMPLETED        1        0\n");
        assertThat(status.out()).containsPattern("\n  detectWorker:local-v0  local  COMPLETED   20/20 +0  .*walk.mp4\n");
    }

    @Test
    void jobsListsExecutionsNewestFirst() {
        // when
        Cli.Result json = Cli.run("jobs", "--db", db, "--json");
        Cli.Result text = Cli.run("jobs", "--db", db);

        // then
        assertThat(json.exitCode()).isZero();
        JsonNode list = JsonMapper.shared().readTree(json.out());
        assertThat(list.isArray()).isTrue();
        assertThat(names(list.get(0))).containsExactly("jobExecutionId", "jobInstanceId", "jobName", "status", "exitCode",
                "startTime", "endTime");
        assertThat(list.get(0).get("jobExecutionId").asString()).isEqualTo(id());
        assertThat(text.out()).startsWith("execution  instance  job     status     started              ended\n")
                .containsPattern("\n +" + id() + " +\\d+  shapes  COMPLETED  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  ");
    }

    @Test
    void eventsListsThePersonWithItsSnapshot() {
        // when
        Cli.Result json = Cli.run("events", id(), "--db", db, "--json");
        Cli.Result text = Cli.run("events", id(), "--db", db);

        // then
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode events = JsonMapper.shared().readTree(json.out());
        assertThat(events.isArray()).isTrue();
        assertThat(events).isNotEmpty();
        assertThat(names(events.get(0))).containsExactly("key", "node", "video", "label", "start", "end", "startFrame", "endFrame",
                "maxScore", "bestFrame", "snapshot", "clip", "json");
        JsonNode person = events.valueStream().filter(e -> e.get("label").asString().equals("person")).findFirst().orElseThrow();
        assertThat(Path.of(person.get("snapshot").asString())).exists();
        assertThat(Files.isRegularFile(Path.of(person.get("json").asString()))).isTrue();
        assertThat(text.out()).startsWith("node   label").contains("  person ").contains("walk.mp4").endsWith(events.size() + " event(s)\n");
    }

    @Test
    void anUnknownExecutionIsRefusedWithExitCodeTwo() {
        // when
        Cli.Result status = Cli.run("status", "999", "--db", db);
        Cli.Result restart = Cli.run("restart", "999", "--db", db);
        Cli.Result completed = Cli.run("restart", id(), "--db", db);

        // then
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).isEqualTo("edgebatch status: there is no job execution 999\n");
        assertThat(restart.exitCode()).isEqualTo(2);
        assertThat(restart.err()).isEqualTo("edgebatch restart: there is no job execution 999\n");
        assertThat(completed.exitCode()).isEqualTo(2);
        assertThat(completed.err()).isEqualTo("edgebatch restart: execution " + id() + " of job shapes has completed; there is nothing to restart\n");
    }

    private static String id() {
        return outcome.get("jobExecutionId").asString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
