package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.edgebatch.testsupport.HeadlessChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench compare} on a 2-core VM's quick suite (version 1, as this build writes it) and a hand-made version 0
 * file of an older NUC: the side-by-side table with costs, the PNG charts, the HTML page as headless Chromium renders
 * it, and the refusals.
 */
class BenchCompareCommandTests {


    @TempDir
    Path dir;

    private Path vm;
    private Path nuc;

    @BeforeEach
    void copyFixtures() throws IOException {
        vm = fixture("vm-2core-v1.json");
        nuc = fixture("old-nuc-v0.json");
    }

    @Test
    void printsBothMachinesSideBySideWithTheCostPerFootageHour() {
        // when
        Cli.Result result = Cli.run("bench", "compare", vm.toString(), nuc.toString(), "--price-per-hour", "vm=0.38,old-nuc=0.12");

        // then one column per machine, the older file's missing figures filled or marked unknown
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("machine +vm +old-nuc\n")
                .containsPattern("cores / threads +2 / 2 +4 / 8\n")
                .containsPattern("suite JSON version +1 +0\n")
                .containsPattern("ONNX Runtime +1\\.29\\.0 +\\?\n")
                .containsPattern("yolox_nano_coco cpu +78\\.6 +47\\.6\n")
                .containsPattern("yolox_nano_coco cpu +54\\.2 \\(2 threads\\) +133\\.3 \\(8 threads\\)\n")
                .containsPattern("yolox_nano_coco cpu +61\\.2 \\(2 at once\\) *\n")
                // old-nuc: 20 s of footage in 6 s is 3.33x real time; $0.12 an hour / 3.33 = $0.036 per footage hour
                .containsPattern("yolox_nano_coco, 1080p25, every frame +1\\.29 +3\\.33\n")
                .containsPattern("yolox_nano_coco, 1080p25, every frame +0\\.2946 +0\\.0360\n")
                // a figure only one machine has leaves the other's cell empty
                .containsPattern("yolov8n_coco_int8, 1080p25, key frames +3\\.72 *\n")
                .containsPattern("peak RSS MiB +811 +\\?\n");
    }

    @Test
    void writesThePngCharts() throws IOException {
        Path png = dir.resolve("compare.png");

        Cli.Result result = Cli.run("bench", "compare", vm.toString(), nuc.toString(), "--png", png.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(ComparisonChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ComparisonChart.HEIGHT);
        assertThat(distinctColours(image)).isGreaterThan(50);
        assertThat(share(image, rgb -> rgb != 0xffffff)).isGreaterThan(0.05);
        // a bar of each machine, in its colour
        assertThat(share(image, rgb -> close(rgb, ComparisonChart.PALETTE.get(0)))).as("vm's bars").isGreaterThan(0.005);
        assertThat(share(image, rgb -> close(rgb, ComparisonChart.PALETTE.get(1)))).as("old-nuc's bars").isGreaterThan(0.005);
    }

    @Test
    void chromiumRendersTheHtmlPageWithBothMachinesNames() throws Exception {
        // given the page
        Path page = dir.resolve("compare.html");
        Cli.Result result = Cli.run("bench", "compare", vm.toString(), nuc.toString(), "--price-per-hour", "vm=0.38",
                "--html", page.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String html = Files.readString(page);
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link").contains("src=\"data:image/png;base64,");

        // when Chromium (CI installs it with ci/ensure-chromium.sh) renders it
        requireChromium();
        Path screenshot = dir.resolve("screenshot.png");
        HeadlessChromium.Run shot = chromium(List.of("--enable-logging=stderr", "--v=0", "--screenshot=" + screenshot,
                "--window-size=1200,1600", page.toUri().toString()));
        HeadlessChromium.Run dom = chromium(List.of("--dump-dom", page.toUri().toString()));

        // then the DOM holds both machines' names as column heads, the page logged no error, and it is not blank
        assertThat(shot.exitCode()).as(shot.stderr()).isZero();
        assertThat(dom.exitCode()).as(dom.stderr()).isZero();
        assertThat(HeadlessChromium.pageErrors(shot.stderr())).isEmpty();
        assertThat(dom.stdout()).contains("<table id=\"comparison\">").contains("<th>vm</th>").contains("<th>old-nuc</th>")
                .contains("$ per hour of footage");
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(share(image, rgb -> rgb != 0xffffff)).isGreaterThan(0.03);
    }

    @Test
    void refusesAMissingFileMalformedJsonANewerVersionAndAPriceForAnUnknownMachine() throws IOException {
        Path malformed = Files.writeString(dir.resolve("broken.json"), "{\"version\": 1, \"machine\": ");
        Path newer = Files.writeString(dir.resolve("future.json"), "{\"version\": 7, \"machine\": \"x\"}");

        assertRefused(List.of(vm.toString(), dir.resolve("nowhere.json").toString()), "no such file: " + dir.resolve("nowhere.json"));
        assertRefused(List.of(vm.toString(), malformed.toString()), malformed + " is not valid JSON");
        assertRefused(List.of(newer.toString()), newer + " is bench suite JSON version 7; this edgebatch reads versions 0 to 1");
        assertRefused(List.of(vm.toString(), nuc.toString(), "--price-per-hour", "vm=0.38,jetson=0.1"),
                "--price-per-hour names machine 'jetson', which none of the files holds (machines: vm, old-nuc)");
        assertRefused(List.of(vm.toString(), "--price-per-hour", "vm=-1"), "--price-per-hour vm: the price must be");
    }

    @Test
    void refusesAnOlderFileLackingAFieldItsVersionHad() throws IOException {
        Path lacking = Files.writeString(dir.resolve("lacking.json"), Files.readString(nuc).replace("\"wallSeconds\": 6.0, ", ""));

        assertRefused(List.of(lacking.toString()), lacking + " (bench suite JSON version 0) lacks jobs[0].wallSeconds");
    }

    private static void assertRefused(List<String> arguments, String message) {
        List<String> command = new ArrayList<>(List.of("bench", "compare"));
        command.addAll(arguments);
        Cli.Result result = Cli.run(command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains(message);
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bench-compare/" + name)) {
            assertThat(in).as(name).isNotNull();
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private void requireChromium() {
        new HeadlessChromium(dir).requireInstalled("the HTML page");
    }

    private HeadlessChromium.Run chromium(List<String> arguments) throws IOException, InterruptedException {
        return new HeadlessChromium(dir).run(arguments);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    private static double share(BufferedImage image, IntPredicate test) {
        long hits = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(image.getRGB(x, y) & 0xffffff)) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) image.getWidth() * image.getHeight());
    }

    private static boolean close(int rgb, Color colour) {
        return Math.abs(((rgb >> 16) & 0xff) - colour.getRed()) <= 3
                && Math.abs(((rgb >> 8) & 0xff) - colour.getGreen()) <= 3
                && Math.abs((rgb & 0xff) - colour.getBlue()) <= 3;
    }
}
