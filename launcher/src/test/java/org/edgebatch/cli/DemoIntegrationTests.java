package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code edgebatch demo} as a first-time user runs it: a fresh home, the shared data, the packaged jar. */
@ExtendWith(KeepersGone.class)
class DemoIntegrationTests {

    @TempDir
    Path home;

    @Test
    void theDemoCompletesOnTheSharedClipsWithTwoNodesAndReportsAPersonEventWhoseSnapshotExists() {
        // when
        CliProcess.Finished demo = CliProcess.run(home, Duration.ofMinutes(6), "demo", "--data", SharedData.folder().toString());

        // then
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out()).contains("nodes node-a and node-b").contains("Job demo, execution ").contains(": COMPLETED")
                .containsPattern("Person events: [1-9]\\d*, car events: \\d+").contains("Demo COMPLETED in ");
        assertThat(demo.err()).contains("progress: ");
        Path demoFolder = home.resolve(".edgebatch/demo");
        assertThat(demoFolder.resolve("demo.yaml")).exists();
        long id = Long.parseLong(demo.out().replaceAll("(?s).*Job demo, execution (\\d+): COMPLETED.*", "$1"));
        // the folder it says the events were published to, under the repository's folder, holds each node's manifest
        Path published = Path.of(demo.out().replaceAll("(?s).*Published: +(\\S+)/<node>/.*", "$1"));
        assertThat(published.getParent().getParent()).isEqualTo(demoFolder.resolve("central/demo"));
        assertThat(published.resolve("node-a/manifest.json")).isRegularFile();
        assertThat(published.resolve("node-b/manifest.json")).isRegularFile();

        // when
        CliProcess.Finished events = CliProcess.run(home, Duration.ofMinutes(1), "events", Long.toString(id), "--json");

        // then: person events, each with its snapshot, from both nodes' folders
        assertThat(events.exitCode()).as(events.toString()).isZero();
        JsonNode list = JsonMapper.shared().readTree(events.out());
        assertThat(list.valueStream().filter(e -> e.get("label").asString().equals("person")).toList()).isNotEmpty()
                .allSatisfy(person -> assertThat(Path.of(person.get("snapshot").asString())).isRegularFile()
                        .satisfies(file -> assertThat(Files.size(file)).isPositive()));
        assertThat(list.valueStream().map(e -> e.get("node").asString()).distinct()).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(list.valueStream().map(e -> e.get("video").asString()))
                .allSatisfy(video -> assertThat(video).matches(".*/\\.edgebatch/demo/node-[ab]/[^/]+"));
    }

    @Test
    void theDistributedDemoRunsThroughTwoWorkerProcessesAndSaysWhichNodeProcessedWhichFile() throws Exception {
        try (DistributedCluster bench = DistributedCluster.create(home.resolve("bench"))) {
            // when
            CliProcess.Finished demo = CliProcess.run(home, Duration.ofMinutes(8), "demo", "--distributed", "--data",
                    SharedData.folder().toString(), "--db", bench.dbUrl(), "--progress", "log");

            // then: completed through both workers, each file processed by the node whose folder holds it
            assertThat(demo.exitCode()).as(demo.toString()).isZero();
            assertThat(demo.out()).contains("worker processes node-a and node-b through amqp://guest:****@127.0.0.1:5672/")
                    .contains("Job demo-distributed, execution ").contains(": COMPLETED").contains("Which node processed which file");
            assertThat(demo.err()).contains(", nodes node-a ");
            List<String> rows = demo.out().lines().filter(line -> line.matches("\\s+node-[ab]\\s+\\S+\\s+COMPLETED\\s+.*")).toList();
            assertThat(rows).hasSize(5).allSatisfy(row -> assertThat(row.strip().substring(0, 6))
                    .isEqualTo(row.replaceAll(".*/\\.edgebatch/demo/(node-[ab])/.*", "$1")));
            assertThat(rows).anyMatch(row -> row.strip().startsWith("node-a")).anyMatch(row -> row.strip().startsWith("node-b"));
            assertThat(bench.rows("SELECT STATE FROM EB_NODE ORDER BY NODE_ID")).as("the workers left when the demo ended")
                    .containsExactly(List.of("LEFT"), List.of("LEFT"));
        }
    }

    @Test
    void withoutAModelTheDemoSaysHowToGetTheOfficialExportAndExitsThree() throws Exception {
        // given: a data folder with clips but no model
        Path data = Files.createDirectories(home.resolve("data/video"));
        Files.createSymbolicLink(data.resolve("street.mp4"), SharedData.folder().resolve("video/street_cars_640x360.mp4"));

        // when
        CliProcess.Finished demo = CliProcess.run(home, Duration.ofMinutes(1), "demo", "--data", home.resolve("data").toString());

        // then
        assertThat(demo.exitCode()).as(demo.toString()).isEqualTo(3);
        assertThat(demo.err()).startsWith("edgebatch demo: no YOLOv5 model found (looked for " + home.resolve("data/models/yolov5n_coco_fp16.onnx"))
                .contains("edgebatch models pull yolov5n-coco-fp16 && edgebatch models pull pets2009-vtest")
                .contains("git clone https://github.com/ultralytics/yolov5")
                .contains("python export.py --weights yolov5n.pt --include onnx")
                .contains("then put yolov5n.onnx into " + home.resolve("data/models") + "/ or run: edgebatch demo --model ");
        assertThat(home.resolve(".edgebatch/db")).doesNotExist();
    }
}
