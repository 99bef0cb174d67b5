package org.edgebatch.cost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.edgebatch.cost.io.Catalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportFormatsTests {

    private static final CostReportBuilder BUILDER = new CostReportBuilder(Catalogs.bundled());

    private static CostReport published() {
        return BUILDER.build(CostRequest.of("published"));
    }

    @Test
    void csvHasOneRowPerProviderAndVariantWithPlainNumbers() {
        List<String> lines = new CsvReport().render(published()).lines().toList();

        assertThat(lines).containsExactly(
                "provider,storage,access,AI services,sum,savings percent",
                "AWS before,210500.00,750.00,47200.00,258450.00,",
                "AWS edge,21050.00,500.00,47200.00,68750.00,73.40",
                "GCP before,200000.00,750.00,102498.50,303248.50,",
                "GCP edge,20000.00,500.00,102498.50,122998.50,59.44",
                "Azure before,160500.00,300.00,60850.00,221650.00,",
                "Azure edge,16050.00,200.00,60850.00,77100.00,65.22");
    }

    @Test
    void jsonCarriesAmountsFormulasAndTheComputeClaim() {
        JsonNode root = JsonMapper.builder().build().readTree(new JsonReport().render(published()));

        assertThat(root.get("tiering").asString()).isEqualTo("published");
        JsonNode awsEdge = root.get("rows").get(1);
        assertThat(awsEdge.get("label").asString()).isEqualTo("AWS edge");
        assertThat(awsEdge.get("sum").decimalValue()).isEqualByComparingTo("68750.00");
        assertThat(awsEdge.get("savingsPercent").decimalValue()).isEqualByComparingTo("73.40");
        assertThat(root.get("rows").get(0).get("lines").get(2).get("formula").asString())
                .contains("100,000,000 × $0.00025 (published: top rate on the whole quantity)");
        assertThat(root.get("computeClaim").get("hours").decimalValue()).isEqualByComparingTo("3");
        assertThat(root.get("computeClaim").get("cost").decimalValue()).isEqualByComparingTo("0.66");
        assertThat(root.get("inputs").get("storedGbMonths").get("value").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(root.get("catalogs")).hasSize(3);
    }

    @Test
    void jsonOfTheEdgeScenarioWithAnalysisHasBreakEvensAndMonteCarlo() {
        CostReport report = BUILDER.build(new CostRequest("edge", null, null, null, null, Map.of(), List.of(), 500, 3, true));

        JsonNode root = JsonMapper.builder().build().readTree(new JsonReport().render(report));

        assertThat(root.get("columns").toString()).contains("edge compute", "upload");
        assertThat(root.get("breakEven")).hasSize(9);
        assertThat(root.get("monteCarlo").get("outcomes").get(0).get("p5").asDouble())
                .isLessThan(root.get("monteCarlo").get("outcomes").get(0).get("p95").asDouble());
        assertThat(root.get("sensitivity").get("retainedFraction").get("values")).hasSize(21);
    }

    @Test
    void markdownWritesTheTableAndPngChartsBesideIt(@TempDir Path dir) throws Exception {
        CostReport report = BUILDER.build(new CostRequest("published", null, null, null, null, Map.of(), List.of(), 200, 1, true));

        List<Path> written = new MarkdownReport(new ChartRenderer()).write(report, dir.resolve("costs.md"));

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("costs.md", "costs-costs.png",
                "costs-savings-retained.png", "costs-savings-images.png", "costs-monte-carlo.png");
        String markdown = Files.readString(dir.resolve("costs.md"));
        assertThat(markdown).contains("| AWS edge     |  21,050.00 | 500.00 |   47,200.00 |  68,750.00 |  73.40% |")
                .contains("![Cost per provider](costs-costs.png)")
                .contains("## Monte Carlo");
        for (Path png : written.subList(1, written.size())) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
            assertThat(distinctColours(image)).as(png.toString()).isGreaterThan(20);
        }
    }

    @Test
    void textReportsTheCentralizedBillAloneWithoutSavings() {
        String text = TextReport.plain().render(BUILDER.build(CostRequest.of("centralized")));

        assertThat(text).contains("| provider     |    storage | access | AI services | upload |        sum |")
                .contains("| AWS before   | 210,550.00 | 750.00 |   38,450.00 |   0.00 | 249,750.00 |")
                .doesNotContain("savings |");
    }

    @Test
    void aReportFromARunDescribesTheRunsFootageOnly(@TempDir Path dir) throws Exception {
        // given the run of 500 s of video at 10 decoded frames/s, 0.9 GB per camera-hour, projected to 10 cameras
        Path run = Path.of(ReportFormatsTests.class.getResource("/org/edgebatch/cost/run/report.json").toURI());
        CostReport report = BUILDER.build(new CostRequest("edge", null, null, run, 10, Map.of(), List.of(), 0, 1, false));

        // when it is written as HTML and as Markdown
        String html = new HtmlReport(new ChartRenderer()).render(report);
        new MarkdownReport(new ChartRenderer()).write(report, dir.resolve("run.md"));
        String markdown = Files.readString(dir.resolve("run.md"));

        // then both describe the run's footage and nothing of the published scenario's
        for (String text : List.of(html, markdown, TextReport.plain().render(report), new JsonReport().render(report))) {
            assertThat(text).contains("10 cameras at 10 fps, 0.9 GB per camera-hour")
                    .contains("run 12 (lobby)")
                    .doesNotContain("4K at 60 fps", "3840x2160", "110 GB per hour", "1 PB a year", "60 fps footage", "quoted as");
        }
    }

    static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }
}
