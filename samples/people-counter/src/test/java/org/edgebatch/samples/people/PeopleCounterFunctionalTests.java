package org.edgebatch.samples.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people counter over two real clips counts, per camera, exactly the person events {@code edgebatch events}
 * reports for the same footage and settings; its CSV parses and its chart is not blank.
 */
class PeopleCounterFunctionalTests {

    private static final int EVERY_NTH_FRAME = 10;

    @TempDir
    Path dir;

    @Test
    void countsThePersonEventsTheCliFindsInTheSameFootage() throws Exception {
        // given: two cameras' footage (copies: the CLI refuses links that lead outside its allow-list)
        Path footage = Files.createDirectories(dir.resolve("footage"));
        for (String clip : List.of("pets2009_vtest_480x360.mp4", "intersection_cctv_640x480.mp4")) {
            Path copy = Files.copy(SharedData.video(clip), footage.resolve(clip));
            // a copy is new: the CLI would leave it for a later run as a file still being written (input.settleSeconds)
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        }
        Path output = dir.resolve("out");
        Path home = Files.createDirectories(dir.resolve("home"));
        // The CLI's run of the same footage, for the comparison below, overlaps the sample's start-up.
        Process cliRun = cli(home, "run", spec(footage).toString(), "--progress", "none");

        // when: the sample runs
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeopleCounterApplication.class)
                .properties("edgebatch.model.path=" + SharedData.fastModel(), "people-counter.footage=" + footage,
                        "people-counter.output=" + output, "people-counter.every-nth-frame=" + EVERY_NTH_FRAME,
                        "spring.datasource.url=jdbc:h2:mem:people-counter")
                .run()) {
            assertThat(context.isActive()).isTrue();
        }

        // then: the CSV parses, one row per camera and hour with a positive count
        List<String> lines = Files.readAllLines(output.resolve(HourlyCountTasklet.CSV));
        assertThat(lines.getFirst()).isEqualTo("camera,hour,people");
        Map<String, Integer> perCamera = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells).as(line).hasSize(3);
            Instant.parse(cells[1]);
            assertThat(Integer.parseInt(cells[2])).as(line).isPositive();
            perCamera.merge(cells[0], Integer.parseInt(cells[2]), Integer::sum);
        }
        assertThat(perCamera).containsKey("pets2009_vtest_480x360");

        // and: the chart has more than one colour
        BufferedImage chart = ImageIO.read(output.resolve(HourlyCountTasklet.PNG).toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < chart.getHeight(); y += 4) {
            for (int x = 0; x < chart.getWidth(); x += 4) {
                colours.add(chart.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(2);

        // and: the CLI, on the same footage and settings, reports as many person events per camera
        awaitSuccess(cliRun, home, "run");
        JsonNode events = JsonMapper.builder().build().readTree(awaitSuccess(cli(home, "events", "1", "--json"), home, "events"));
        Map<String, Integer> cliPerCamera = new TreeMap<>();
        for (JsonNode event : events) {
            if (event.get("label").asString().equals("person")) {
                cliPerCamera.merge(HourlyCountTasklet.camera(Path.of(event.get("video").asString())), 1, Integer::sum);
            }
        }
        assertThat(perCamera).isEqualTo(cliPerCamera);
    }

    private Path spec(Path footage) throws Exception {
        return Files.writeString(dir.resolve("count.yaml"), """
                name: count
                input: {paths: [%s]}
                model: {path: %s}
                sampling: {everyNthFrame: %d}
                threads: 1
                output: %s
                events: {classes: [person], snapshot: false}
                publish: {target: none}
                """.formatted(footage, SharedData.fastModel(), EVERY_NTH_FRAME, dir.resolve("cli-out")));
    }

    private static Process cli(Path home, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("edgebatch.jar", "../../launcher/target/edgebatch.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged CLI (mvn package -pl launcher)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-Duser.home=" + home,
                "-Dedgebatch.keeper-linger-seconds=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(home.resolve(args[0] + ".err").toFile())
                .redirectOutput(home.resolve(args[0] + ".out").toFile()).start();
    }

    /** Waits for a CLI process; returns what it printed on standard output. */
    private static String awaitSuccess(Process process, Path home, String command) throws Exception {
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(home.resolve(command + ".out"));
        String errors = Files.readString(home.resolve(command + ".err"));
        assertThat(ended).as("edgebatch %s ends: %s%s", command, printed, errors).isTrue();
        assertThat(process.exitValue()).as("edgebatch %s: %s%s", command, printed, errors).isZero();
        return printed;
    }
}
