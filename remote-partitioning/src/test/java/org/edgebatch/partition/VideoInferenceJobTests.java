package org.edgebatch.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.edgebatch.job.EventView;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.job.PartitionView;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.testsupport.WalkingFootage;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VideoInferenceJobTests {

    @TempDir
    Path dir;

    @Test
    void twoNodesEachReadTheirOwnVideoAndEveryEventGetsASnapshotAPublishedCopyAndAReportLine() throws Exception {
        // given: node-a holds a generated video of a person walking, node-b a real campus clip
        Path yard = Files.createDirectories(dir.resolve("yard"));
        WalkingFootage.render(WalkingFootage.walking(640, 360, 10, 6, 1, 4), yard.resolve("walk.mp4"));
        Path campus = SharedData.video("pets2009_vtest_480x360.mp4");
        JobSpec spec = Specs.load(dir, "lobby", """
                name: lobby
                input:
                  paths: [%s, %s]
                model:
                  path: %s
                  classes: [person, car]
                sampling:
                  fps: 2
                events:
                  classes: [person, car]
                chunkSize: 8
                threads: 2
                nodes:
                  - id: node-a
                    paths: [%s]
                  - id: node-b
                    labels: {site: campus}
                    paths: [%s]
                output: %s
                publish:
                  target: file://%s
                """.formatted(yard, campus, SharedData.fastModel(), yard, campus, dir.resolve("out"), dir.resolve("central")));

        try (EdgeBatchContext context = EdgeBatchContext.start(dir)) {

            // when
            JobExecution execution = context.jobs().launch(spec, LaunchOptions.of("lobby.yaml"));

            // then
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JobStatusView status = context.executions().status(execution.getId());
            assertThat(status.partitions()).extracting(PartitionView::step, PartitionView::partition, PartitionView::node,
                    PartitionView::status).containsExactly(
                    tuple("detectWorker", "node-a-v0", "node-a", "COMPLETED"),
                    tuple("detectWorker", "node-b-v1", "node-b", "COMPLETED"),
                    tuple("eventsWorker", "node-a-v0", "node-a", "COMPLETED"),
                    tuple("eventsWorker", "node-b-v1", "node-b", "COMPLETED"),
                    tuple("publishWorker", "node-a", "node-a", "COMPLETED"),
                    tuple("publishWorker", "node-b", "node-b", "COMPLETED"));
            List<EventView> events = context.executions().events(execution.getId());
            assertThat(events).anySatisfy(event -> {
                assertThat(event.node()).isEqualTo("node-a");
                assertThat(event.label()).isEqualTo("person");
            });
            assertThat(events).anySatisfy(event -> assertThat(event.node()).isEqualTo("node-b"));
            for (EventView event : events) {
                assertThat(ImageIO.read(Path.of(event.snapshot()).toFile())).as(event.snapshot()).isNotNull();
                assertThat(Path.of(event.json())).exists();
            }
            OutputLayout layout = context.bean(OutputLayout.class);
            Path published = layout.published(dir.resolve("central"), "lobby", execution.getId(), "node-a").getParent();
            JsonNode manifest = JsonMapper.shared().readTree(published.resolve("node-a").resolve("manifest.json").toFile());
            assertThat(manifest.get("files").size()).isPositive();
            for (JsonNode file : manifest.get("files")) {
                assertThat(published.resolve("node-a").resolve(file.get("name").asString())).exists();
                assertThat(file.get("sha256").asString()).hasSize(64);
            }

            Path report = layout.runReport(dir.resolve("out"), execution.getId());
            JsonNode json = JsonMapper.shared().readTree(report.toFile());
            try (InputStream in = RunReport.class.getResourceAsStream(RunReport.SCHEMA)) {
                Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
                assertThat(schema.validate(json)).extracting(Error::toString).as("the report against " + RunReport.SCHEMA).isEmpty();
            }
            assertThat(fields(json)).containsExactlyInAnyOrder("events", "endTime", "jobExecutionId", "jobName", "model", "nodes",
                    "startTime", "status", "totals", "leftOut");
            Set<String> totals = Set.of("files", "framesDecoded", "framesInferred", "framesSkippedByMotion", "framesUndecodable",
                    "detections", "events", "bytesScanned", "bytesEventArtifacts", "videoSeconds", "wallSeconds", "framesPerSecond",
                    "bytesUploaded", "pendingUploads");
            assertThat(fields(json.get("totals"))).containsExactlyInAnyOrderElementsOf(totals);
            assertThat(json.get("nodes")).hasSize(2);
            for (JsonNode node : json.get("nodes")) {
                Set<String> expected = new TreeSet<>(totals);
                expected.add("nodeId");
                assertThat(fields(node)).containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(json.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(json.get("jobName").asString()).isEqualTo("lobby");
            assertThat(fields(json.get("model"))).containsExactlyInAnyOrder("path", "provider");
            assertThat(json.get("totals").get("files").asLong()).isEqualTo(2);
            assertThat(json.get("totals").get("framesDecoded").asLong()).isEqualTo(60 + 795);
            assertThat(json.get("totals").get("framesInferred").asLong()).isBetween(12L + 150, 13L + 160);
            assertThat(json.get("totals").get("events").asLong()).isEqualTo(events.size());
            assertThat(json.get("totals").get("bytesScanned").asLong()).isEqualTo(Files.size(yard.resolve("walk.mp4")) + Files.size(campus));
            assertThat(json.get("totals").get("framesPerSecond").asDouble()).isPositive();
            assertThat(context.executions().summary(execution.getId())).contains("node-a", "node-b", "total", "COMPLETED");
        }
    }

    private static List<String> fields(JsonNode node) {
        return new TreeSet<>(node.propertyNames()).stream().toList();
    }
}
