package org.edgebatch.cost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.edgebatch.cost.io.Catalogs;
import org.edgebatch.testsupport.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium, as a reader would: the page must render the table and the charts
 * (a screenshot full of the charts' colours) and log no console or loading error.
 */
class HtmlReportChromiumTests {


    @TempDir
    static Path dir;

    private static Path page;

    @BeforeAll
    static void writeReport() throws IOException {
        CostReport report = new CostReportBuilder(Catalogs.bundled())
                .build(new CostRequest("published", null, null, null, null, Map.of(), List.of(), 300, 1, true));
        page = dir.resolve("report.html");
        Files.writeString(page, new HtmlReport(new ChartRenderer()).render(report));
    }

    @Test
    void theReportIsSelfContained() throws IOException {
        String html = Files.readString(page);

        assertThat(html).doesNotContain("http://", "<script", "<link").contains("src=\"data:image/png;base64,");
        assertThat(html).contains("<td class=\"num\">68,750.00</td>").contains("<td class=\"num\">73.40%</td>");
    }

    @Test
    void chromiumRendersTheTableAndTheChartsWithoutErrors() throws Exception {
        // given Chromium (CI installs it with ci/ensure-chromium.sh)
        requireChromium();
        Path screenshot = dir.resolve("screenshot.png");

        // when it takes a screenshot of the report and dumps its DOM
        HeadlessChromium.Run shot = chromium(List.of("--enable-logging=stderr", "--v=0", "--screenshot=" + screenshot,
                "--window-size=1280,2000", page.toUri().toString()));
        HeadlessChromium.Run dom = chromium(List.of("--dump-dom", page.toUri().toString()));

        // then both ran cleanly, the page logged no console or loading error, and the DOM holds the table
        assertThat(shot.exitCode()).as(shot.stderr()).isZero();
        assertThat(dom.exitCode()).as(dom.stderr()).isZero();
        assertThat(HeadlessChromium.pageErrors(shot.stderr())).isEmpty();
        assertThat(dom.stdout()).contains("<table id=\"costs\">").contains("<td class=\"num\">122,998.50</td>");

        // and the screenshot is no blank page: many colours, much ink, and the chart's storage and AI colours
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        assertThat(ReportFormatsTests.distinctColours(image)).isGreaterThan(200);
        assertThat(share(image, rgb -> rgb != 0xffffff)).isGreaterThan(0.07);
        assertThat(share(image, rgb -> close(rgb, ChartRenderer.PALETTE.get(0)))).as("storage blue").isGreaterThan(0.01);
        assertThat(share(image, rgb -> close(rgb, ChartRenderer.PALETTE.get(2)))).as("AI services green").isGreaterThan(0.008);
    }

    private static void requireChromium() {
        new HeadlessChromium(dir).requireInstalled("the HTML report");
    }

    private static HeadlessChromium.Run chromium(List<String> arguments) throws IOException, InterruptedException {
        return new HeadlessChromium(dir).run(arguments);
    }

    private static double share(BufferedImage image, java.util.function.IntPredicate test) {
        long hits = 0;
        long all = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                all++;
                if (test.test(image.getRGB(x, y) & 0xffffff)) {
                    hits++;
                }
            }
        }
        return (double) hits / all;
    }

    private static boolean close(int rgb, Color colour) {
        return Math.abs(((rgb >> 16) & 0xff) - colour.getRed()) <= 3
                && Math.abs(((rgb >> 8) & 0xff) - colour.getGreen()) <= 3
                && Math.abs((rgb & 0xff) - colour.getBlue()) <= 3;
    }
}
