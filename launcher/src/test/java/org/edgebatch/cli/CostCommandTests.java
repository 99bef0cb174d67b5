package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CostCommandTests {

    private record Result(int exitCode, String out, String err) {

        /** The cells of the printed table, one list per row, header first. */
        List<List<String>> table() {
            return out.lines().filter(line -> line.startsWith("| "))
                    .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList())
                    .toList();
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = EdgeBatch.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void publishedScenarioPrintsThePublishedTableCellByCell() {
        // when
        Result result = run("cost", "--scenario", "published");

        // then every cell of the published table is printed
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.table()).containsExactly(
                List.of("provider", "storage", "access", "AI services", "sum", "savings"),
                List.of("AWS before", "210,500.00", "750.00", "47,200.00", "258,450.00", ""),
                List.of("AWS edge", "21,050.00", "500.00", "47,200.00", "68,750.00", "73.40%"),
                List.of("GCP before", "200,000.00", "750.00", "102,498.50", "303,248.50", ""),
                List.of("GCP edge", "20,000.00", "500.00", "102,498.50", "122,998.50", "59.44%"),
                List.of("Azure before", "160,500.00", "300.00", "60,850.00", "221,650.00", ""),
                List.of("Azure edge", "16,050.00", "200.00", "60,850.00", "77,100.00", "65.22%"));
        // and the compute claim: one hour of 60 fps video in 3 hours on two nodes, $0.66
        assertThat(result.out()).contains("Compute claim: 1 h of 60 fps footage = 216,000 frames ÷ (2 nodes × 10 frames/s)"
                + " = 3 h; 2 × 3 h × $0.11/h = $0.66 (quoted as $1.00)");
    }

    @Test
    void listPriceTieringGivesTheCorrectlyTieredFigures() {
        Result result = run("cost", "--scenario", "published", "--tiering", "list-price");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.table()).contains(
                List.of("AWS before", "210,550.00", "750.00", "38,450.00", "249,750.00", ""),
                List.of("AWS edge", "21,550.00", "500.00", "38,450.00", "60,500.00", "75.78%"),
                List.of("GCP before", "200,000.00", "750.00", "102,498.50", "303,248.50", ""),
                List.of("Azure edge", "16,500.00", "200.00", "60,850.00", "77,550.00", "65.01%"));
    }

    @Test
    void theDefaultEdgeScenarioMovesAiToTheEdgeAndBillsTheNodes() {
        Result result = run("cost");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.table().getFirst()).containsExactly("provider", "storage", "access", "AI services", "upload",
                "edge compute", "sum", "savings");
        assertThat(result.table()).contains(List.of("AWS edge", "21,550.00", "500.00", "0.00", "0.00", "305.56",
                "22,355.56", "91.05%"));
    }

    @Test
    void camerasAndInputFlagsChangeTheInputs() {
        Result doubled = run("cost", "--scenario", "published", "--cameras", "20");
        Result kept = run("cost", "--scenario", "published", "--retained-fraction", "1", "--access-factor", "1");

        // 20M GB-months: 500,000 × $0.022 + 19,500,000 × $0.021; 200M images: $22,200 + 200M × $0.00025 (published)
        assertThat(doubled.table().get(1)).containsExactly("AWS before", "420,500.00", "1,500.00", "72,200.00", "494,200.00", "");
        assertThat(kept.table().get(2)).containsExactly("AWS edge", "210,500.00", "750.00", "47,200.00", "258,450.00", "0.00%");
        assertThat(kept.out()).contains("retainedFraction = 1 (set on the command line)");
    }

    @Test
    void csvAndJsonFormats(@TempDir Path dir) throws Exception {
        Result csv = run("cost", "--scenario", "published", "--format", "csv", "--output", dir.resolve("t.csv").toString());
        Result json = run("cost", "--scenario", "published", "--format", "json");

        assertThat(csv.exitCode()).isZero();
        assertThat(Files.readAllLines(dir.resolve("t.csv"))).contains("GCP edge,20000.00,500.00,102498.50,122998.50,59.44");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"label\" : \"Azure edge\"").contains("\"savingsPercent\" : 65.22");
    }

    @Test
    void htmlAndMarkdownWriteFilesWithCharts(@TempDir Path dir) throws Exception {
        Result html = run("cost", "--scenario", "published", "--format", "html", "--output", dir.resolve("r.html").toString());
        Result md = run("cost", "--format", "md", "--monte-carlo", "200", "--seed", "5", "--output", dir.resolve("r.md").toString());

        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(Files.readString(dir.resolve("r.html"))).contains("<td class=\"num\">73.40%</td>", "data:image/png;base64,");
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(dir.resolve("r-costs.png")).isNotEmptyFile();
        assertThat(dir.resolve("r-monte-carlo.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("r.md"))).contains("## Monte Carlo", "200 draws (seed 5)", "## Break-even");
    }

    @Test
    void fromRunProjectsAMeasuredRunToAYear(@TempDir Path dir) throws Exception {
        // given a finished run's report where the job writes it
        Path report = dir.resolve("runs/0a1b2c3d/12/report.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, RUN_REPORT);

        // when it is projected to a year of 10 cameras, by id and by file
        Result byId = run("cost", "--from-run", "12", "--runs-dir", dir.resolve("runs").toString(), "--cameras", "10");
        Result byFile = run("cost", "--report", report.toString(), "--cameras", "10");

        // then the edge bills 10,950 node-hours at $0.11 and keeps the measured 2% of the footage
        assertThat(byId.exitCode()).as(byId.err()).isZero();
        assertThat(byId.table().get(2)).startsWith("AWS edge", "435.20").contains("1,204.50");
        assertThat(byId.out()).contains("retainedFraction = 0.02 (measured in run 12 (bytes of event artifacts / bytes scanned))");
        assertThat(byFile.table()).isEqualTo(byId.table());
    }

    @Test
    void badInputGetsAClearMessageAndANonZeroExit(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                providers: [aws, oracle]
                footage: {cameras: 1, fps: 25, gbPerHour: 2}
                edge: {retainedFraction: 0.1, compute: {nodes: 1, pricePerHour: 0.1, framesPerSecondPerNode: 10}}
                """);

        Result unknownProvider = run("cost", "--scenario-file", bad.toString());
        Result noRun = run("cost", "--from-run", "99", "--runs-dir", dir.toString());
        Result badFraction = run("cost", "--retained-fraction", "2");
        Result badScenario = run("cost", "--scenario", "cloudy");
        Result badTiering = run("cost", "--tiering", "cheap");
        Result bothRuns = run("cost", "--from-run", "1", "--report", "x.json");
        Result dbWithoutRun = run("cost", "--db", dir.toString());

        assertThat(unknownProvider.exitCode()).isEqualTo(1);
        assertThat(unknownProvider.err()).startsWith("edgebatch cost: " + bad + ": providers[1]: unknown provider 'oracle'");
        assertThat(noRun.exitCode()).isEqualTo(1);
        assertThat(noRun.err()).contains("no run report for execution 99");
        assertThat(badFraction.err()).contains("--retained-fraction: retainedFraction must be between 0 and 1, was 2");
        assertThat(badScenario.err()).contains("'cloudy' is not a scenario (known: published, centralized, edge-published, edge)");
        assertThat(badTiering.exitCode()).isEqualTo(2);
        assertThat(badTiering.err()).contains("'cheap' is not a tiering mode");
        assertThat(bothRuns.exitCode()).isEqualTo(2);
        assertThat(bothRuns.err()).contains("mutually exclusive");
        assertThat(dbWithoutRun.exitCode()).isEqualTo(1);
        assertThat(dbWithoutRun.err()).contains("--db is only used with --from-run ID");
    }

    private static final String RUN_REPORT = """
            {"jobExecutionId": 12, "jobName": "lobby", "status": "COMPLETED",
             "startTime": "2026-11-20T10:00:00Z", "endTime": "2026-11-20T10:01:02.5Z",
             "model": {"path": "models/yolov5n.onnx", "provider": "cpu"},
             "totals": {"files": 3, "framesDecoded": 5000, "framesInferred": 2000, "framesSkippedByMotion": 3000,
                        "framesUndecodable": 0, "detections": 900, "events": 7, "bytesScanned": 125000000,
                        "bytesEventArtifacts": 2500000, "videoSeconds": 500.0, "wallSeconds": 62.5, "framesPerSecond": 80.0},
             "nodes": [{"nodeId": "node-a", "framesDecoded": 3150, "videoSeconds": 315.0, "wallSeconds": 35.0, "framesPerSecond": 90.0},
                       {"nodeId": "node-b", "framesDecoded": 1850, "videoSeconds": 185.0, "wallSeconds": 26.43, "framesPerSecond": 70.0}],
             "events": []}
            """;
}
