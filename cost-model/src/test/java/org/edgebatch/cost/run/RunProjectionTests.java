package org.edgebatch.cost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.DerivedInputs;
import org.edgebatch.cost.Money;
import org.edgebatch.cost.Scenario;
import org.edgebatch.cost.SavingsCalculator;
import org.edgebatch.cost.ScenarioKind;
import org.edgebatch.cost.TieringMode;
import org.edgebatch.cost.CostCategory;
import org.edgebatch.cost.io.Catalogs;
import org.edgebatch.cost.io.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProjectionTests {

    private static final Scenario PUBLISHED = new ScenarioReader(Catalogs.bundled()).bundled("published");

    private static Path sample() throws URISyntaxException {
        return Path.of(RunProjectionTests.class.getResource("/org/edgebatch/cost/run/report.json").toURI());
    }

    @Test
    void aRunReportIsReadIgnoringFieldsTheProjectionDoesNotUse() throws Exception {
        RunReport report = new RunReportReader().read(sample());

        assertThat(report.jobExecutionId()).isEqualTo(12L);
        assertThat(report.totals().bytesScanned()).isEqualTo(125_000_000L);
        assertThat(report.nodes()).extracting(RunReport.NodeTotals::nodeId).containsExactly("node-a", "node-b");
    }

    @Test
    void measuredRatiosBecomeTheEdgeAssumptions() throws Exception {
        RunProjection projection = new RunProjection(new RunReportReader().read(sample()));

        // 2,500,000 bytes of events out of 125,000,000 scanned; 2,000 of 5,000 decoded frames inferred
        assertThat(projection.retainedFraction()).isEqualByComparingTo("0.02");
        assertThat(projection.analysedFraction()).isEqualByComparingTo("0.4");
        // node-a at 90 frames/s, node-b at 70
        assertThat(projection.framesPerSecondPerNode()).isEqualByComparingTo("80");
        assertThat(projection.nodes()).isEqualTo(2);
    }

    @Test
    void aYearAtTenCamerasIsProjectedFromTheRunsFootage() throws Exception {
        // given the run (500 s of video, 125 MB: 0.9 GB per camera-hour; 10 decoded and 4 inferred frames per second)
        RunProjection projection = new RunProjection(new RunReportReader().read(sample()));

        // when a year of 10 cameras like it is projected under the published scenario's habits
        DerivedInputs derived = projection.project(10, PUBLISHED.footage(), PUBLISHED.edge());
        CostInputs inputs = derived.values();

        // then 87,600 camera-hours of 0.9 GB, a full 12-month archive, 4 images and 10 edge frames per second
        assertThat(inputs.uploadedGb()).isEqualByComparingTo("78840");
        assertThat(inputs.storedGbMonths()).isEqualByComparingTo("946080");
        assertThat(inputs.images()).isEqualByComparingTo("1261440000");
        assertThat(inputs.edgeFrames()).isEqualByComparingTo("3153600000");
        assertThat(inputs.requests()).isEqualByComparingTo("157680000");
        assertThat(inputs.retainedFraction()).isEqualByComparingTo("0.02");
        assertThat(derived.source(org.edgebatch.cost.Input.RETAINED_FRACTION)).contains("measured in run 12");

        // and the edge nodes need 3,153,600,000 / 80 / 3,600 = 10,950 node-hours at $0.11
        var edge = new SavingsCalculator(PUBLISHED.providers(), TieringMode.LIST_PRICE, ScenarioKind.EDGE)
                .table(inputs).provider("aws").edgeRow().orElseThrow();
        assertThat(edge.line(CostCategory.EDGE_COMPUTE).amount()).isEqualByComparingTo("1204.50");
        // the retained 2% is re-priced: 18,921.6 GB-months in the first band at $0.023
        assertThat(edge.line(CostCategory.STORAGE).amount())
                .isEqualByComparingTo(Money.cents(new BigDecimal("18921.6").multiply(new BigDecimal("0.023"))));
    }

    @Test
    void theProjectionScalesWithCameras() throws Exception {
        RunProjection projection = new RunProjection(new RunReportReader().read(sample()));

        CostInputs ten = projection.project(10, PUBLISHED.footage(), PUBLISHED.edge()).values();
        CostInputs forty = projection.project(40, PUBLISHED.footage(), PUBLISHED.edge()).values();

        assertThat(forty.storedGbMonths()).isEqualByComparingTo(ten.storedGbMonths().multiply(BigDecimal.valueOf(4)));
        assertThat(forty.images()).isEqualByComparingTo(ten.images().multiply(BigDecimal.valueOf(4)));
    }

    @Test
    void aRunIsFoundByItsIdUnderTheRunsFolderOrTheOutputFolder(@TempDir Path dir) throws Exception {
        // given a report in its repository's folder
        Path report = dir.resolve("runs/0a1b2c3d/12/report.json");
        Files.createDirectories(report.getParent());
        Files.copy(sample(), report);
        RunReportReader reader = new RunReportReader();

        // then
        assertThat(reader.locate(12, dir.resolve("runs"))).isEqualTo(report);
        assertThat(reader.locate(12, dir)).isEqualTo(report);
        assertThatThrownBy(() -> reader.locate(13, dir)).hasMessageStartingWith("no run report for execution 13");
    }

    @Test
    void aReportWrittenBeforeRepositoryFoldersIsStillFound(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("runs/12/report.json");
        Files.createDirectories(report.getParent());
        Files.copy(sample(), report);

        assertThat(new RunReportReader().locate(12, dir)).isEqualTo(report);
    }

    @Test
    void theSameExecutionIdFromTwoRepositoriesIsAmbiguousAndNamesBothReports(@TempDir Path dir) throws Exception {
        // given two repositories' execution 12 in one output folder
        for (String repository : List.of("0a1b2c3d", "4e5f6a7b")) {
            Path report = dir.resolve("runs").resolve(repository).resolve("12/report.json");
            Files.createDirectories(report.getParent());
            Files.copy(sample(), report);
        }

        // then
        assertThatThrownBy(() -> new RunReportReader().locate(12, dir.resolve("runs")))
                .hasMessageStartingWith("execution 12 has 2 run reports under " + dir.resolve("runs"))
                .hasMessageContaining(dir.resolve("runs/0a1b2c3d/12/report.json").toString())
                .hasMessageContaining(dir.resolve("runs/4e5f6a7b/12/report.json").toString())
                .hasMessageEndingWith("pass --db with the repository the run is in, or --report FILE");
    }

    @Test
    void anUnfinishedOrIncompleteRunIsRefusedNamingTheField(@TempDir Path dir) throws Exception {
        String json = Files.readString(sample());

        assertThatThrownBy(() -> read(dir, json.replace("\"COMPLETED\"", "\"FAILED\"")))
                .hasMessageEndingWith("status is FAILED; a projection needs a COMPLETED run");
        assertThatThrownBy(() -> read(dir, json.replace("\"videoSeconds\": 500.0", "\"videoSeconds\": 0")))
                .hasMessageEndingWith("totals.videoSeconds must be > 0, was 0");
        assertThatThrownBy(() -> read(dir, json.replace("\"bytesScanned\": 125000000, ", "")))
                .hasMessageEndingWith("totals.bytesScanned is missing");
        assertThatThrownBy(() -> read(dir, json.replace("\"framesPerSecond\": 70.0", "\"framesPerSecond\": -1")))
                .hasMessageEndingWith("nodes[1].framesPerSecond must be > 0, was -1");
        assertThatThrownBy(() -> read(dir, json.replace("\"framesDecoded\": 5000", "\"framesDecoded\": \"many\"")))
                .hasMessageContaining("totals.framesDecoded");
    }

    private static RunReport read(Path dir, String json) throws IOException {
        Path file = dir.resolve("report.json");
        Files.writeString(file, json);
        return new RunReportReader().read(file);
    }
}
