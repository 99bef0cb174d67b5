package org.edgebatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.edgebatch.output.OutputLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report's JSON Schema against what {@link RunReportWriter} writes, and against reports it must refuse. A report of
 * a real job is checked against it where jobs run (remote-partitioning's {@code VideoInferenceJobTests}, the launcher's
 * {@code SharedOutputTests}).
 */
class RunReportSchemaTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    private Schema schema;

    @BeforeEach
    void loadSchema() throws IOException {
        try (InputStream in = RunReport.class.getResourceAsStream(RunReport.SCHEMA)) {
            assertThat(in).as(RunReport.SCHEMA + " beside RunReport").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void aReportAsTheWriterWritesItMatchesTheSchema() throws IOException {
        // given a run of two nodes with events, and one that never started (no times, no spec stored)
        RunTotals node = new RunTotals(1, 20, 10, 10, 0, 4, 1, 125_000, 2_500, 10.0, 1.5, 13.333, 2_500, 0);
        RunReport run = new RunReport(7, "lobby", "COMPLETED", "2026-12-04T17:00:00+01:00", "2026-12-04T17:00:02.5+01:00",
                new RunReport.Model("models/yolov5n.onnx", "cpu"), node.plus(node, 1.5),
                List.of(new RunReport.NodeReport("node-a", node), new RunReport.NodeReport("node-b", node)),
                List.of(new RunReport.EventReport("node-a", "/videos/walk.mp4", "person", 0.5, 2.0, 0.87f, 3, "/out/e.jpg"),
                        new RunReport.EventReport("node-b", "/videos/car.mp4", "car", 1.0, 1.5, 0.5f, 2, null)),
                List.of(new RunReport.LeftOut("node-a", "/videos/empty.mp4", "unreadable", "no video stream"),
                        new RunReport.LeftOut("node-b", "/videos/now.mp4", "deferred", "modified 1 s ago")));
        RunReport empty = new RunReport(8, "lobby", "FAILED", null, null, new RunReport.Model(null, null),
                RunTotals.empty(), List.of(), List.of());

        // when
        Path written = new RunReportWriter(new OutputLayout("0a1b2c3d")).write(run, dir);

        // then
        assertThat(written).isEqualTo(dir.resolve("runs/0a1b2c3d/7/report.json"));
        assertThat(problems(JSON.readTree(written.toFile()))).isEmpty();
        assertThat(problems(JSON.readTree(RunReportWriter.toJson(empty)))).isEmpty();
    }

    @Test
    void aReportMissingARequiredFieldIsRejectedNamingIt() {
        assertRejected(report -> report.remove("jobName"), "required property 'jobName' not found");
        assertRejected(report -> object(report, "totals").remove("framesDecoded"),
                "/totals: required property 'framesDecoded' not found");
        assertRejected(report -> object(report.get("nodes"), 0).remove("nodeId"), "/nodes/0: required property 'nodeId' not found");
        assertRejected(report -> object(report.get("events"), 0).remove("class"), "/events/0: required property 'class' not found");
    }

    @Test
    void wrongTypesBadValuesAndUnknownFieldsAreRejected() {
        assertRejected(report -> object(report, "totals").put("framesDecoded", "many"), "/totals/framesDecoded");
        assertRejected(report -> object(report.get("nodes"), 0).put("bytesScanned", -1), "/nodes/0/bytesScanned");
        assertRejected(report -> report.put("status", "DONE"), "/status");
        // a field the writer adds must be added to the schema in the same change
        assertRejected(report -> report.put("repository", "0a1b2c3d"), "repository");
        assertRejected(report -> object(report, "totals").put("gpuSeconds", 1.0), "gpuSeconds");
    }

    /** A valid report changed by {@code change} is refused, one of the problems containing {@code expected}. */
    private void assertRejected(Consumer<ObjectNode> change, String expected) {
        assertThat(problemsOf(change)).isNotEmpty().anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    private static ObjectNode object(JsonNode parent, String field) {
        return (ObjectNode) parent.get(field);
    }

    private static ObjectNode object(JsonNode array, int index) {
        return (ObjectNode) array.get(index);
    }

    /** The problems of a valid report once {@code change} is made to it. */
    private List<String> problemsOf(Consumer<ObjectNode> change) {
        RunTotals totals = new RunTotals(1, 20, 10, 10, 0, 4, 1, 125_000, 2_500, 10.0, 1.5, 13.333, 2_500, 0);
        RunReport valid = new RunReport(7, "lobby", "COMPLETED", null, null, new RunReport.Model("m.onnx", "cpu"), totals,
                List.of(new RunReport.NodeReport("node-a", totals)),
                List.of(new RunReport.EventReport("node-a", "walk.mp4", "person", 0.5, 2.0, 0.87f, 3, null)));
        ObjectNode report = (ObjectNode) JSON.readTree(RunReportWriter.toJson(valid));
        assertThat(problems(report)).as("the report before the change").isEmpty();
        change.accept(report);
        return problems(report);
    }

    private List<String> problems(JsonNode report) {
        return schema.validate(report).stream().map(Error::toString).toList();
    }
}
