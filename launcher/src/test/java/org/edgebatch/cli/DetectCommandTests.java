package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DetectCommandTests {

    private static final String MODEL = SharedData.fastModel().toString();
    private static final String BUS = SharedData.image("bus.jpg").toString();
    private static final String ZIDANE = SharedData.image("zidane.jpg").toString();

    @TempDir
    Path dir;

    @Test
    void printsOneJsonObjectPerImagePerLine() {
        // when
        Run run = run("detect", "--model", MODEL, "--threads", "2", "--json", BUS, ZIDANE);

        // then
        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEmpty();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out.strip().split("\n")) {
            lines.add(JsonMapper.builder().build().readTree(line));
        }
        assertThat(lines).hasSize(2);
        JsonNode bus = lines.getFirst();
        assertThat(bus.get("source").asString()).isEqualTo(BUS);
        assertThat(bus.get("width").asInt()).isEqualTo(810);
        assertThat(bus.get("height").asInt()).isEqualTo(1080);
        assertThat(bus.get("inferenceMillis").asDouble()).isPositive();
        JsonNode first = bus.get("detections").get(0);
        assertThat(first.get("label").asString()).isEqualTo("bus");
        assertThat(first.get("classId").asInt()).isEqualTo(5);
        assertThat(first.get("score").asDouble()).isBetween(0.85, 0.95);
        assertThat(first.get("box")).hasSize(4);
        assertThat(first.get("box").get(2).asDouble()).isBetween(790.0, 810.0);
        assertThat(lines.get(1).get("source").asString()).isEqualTo(ZIDANE);
    }

    @Test
    void printsAReadableTableByDefault() {
        // when
        Run run = run("detect", "--model", MODEL, "--classes", "person", BUS);

        // then
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("bus.jpg  810x1080").contains("label").contains("person").doesNotContain(" bus ");
    }

    @Test
    void writesAnnotatedImages() throws IOException {
        // given
        Path out = dir.resolve("annotated");

        // when
        Run run = run("detect", "--model", MODEL, "--annotate", out.toString(), BUS);

        // then
        assertThat(run.exitCode).isZero();
        BufferedImage annotated = ImageIO.read(out.resolve("bus.jpg").toFile());
        assertThat(annotated.getWidth()).isEqualTo(810);
        assertThat(annotated.getHeight()).isEqualTo(1080);
    }

    @Test
    void reportsABadImageOnOneLineAndGoesOnWithTheOthers() throws IOException {
        // given
        Path missing = dir.resolve("missing.jpg");
        Path notAnImage = Files.writeString(dir.resolve("notes.jpg"), "not a picture");

        // when
        Run run = run("detect", "--model", MODEL, "--json", missing.toString(), notAnImage.toString(), BUS);

        // then
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.strip().split("\n")).containsExactly(
                "edgebatch detect: image " + missing + " does not exist or is not a file",
                "edgebatch detect: cannot read image " + notAnImage + ": not a JPEG, PNG, BMP or GIF file");
        assertThat(run.out.strip().split("\n")).singleElement().asString().contains("\"source\":\"" + BUS + "\"");
    }

    @Test
    void aMissingModelIsOneClearLine() {
        Run run = run("detect", "--model", dir.resolve("nope.onnx").toString(), BUS);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.strip()).isEqualTo("edgebatch detect: model file " + dir.resolve("nope.onnx") + " does not exist or is not a file");
        assertThat(run.out).isEmpty();
    }

    @Test
    void anUnknownProviderIsOneClearLine() {
        Run run = run("detect", "--model", MODEL, "--provider", "tpu", BUS);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.strip()).startsWith("edgebatch detect: Unknown execution provider 'tpu'").doesNotContain("\n");
    }

    @Test
    void anUnknownClassIsOneClearLineListingTheNames() {
        Run run = run("detect", "--model", MODEL, "--classes", "person,unicorn", BUS);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.strip()).startsWith("edgebatch detect: unknown class 'unicorn'")
                .contains("person, bicycle, car").doesNotContain("\n");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = EdgeBatch.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
