package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;
import org.edgebatch.publish.Manifest;
import org.edgebatch.publish.RedactedCopies;
import org.edgebatch.redact.RedactMargin;
import org.edgebatch.redact.RedactRegion;
import org.edgebatch.redact.RedactStyle;
import org.edgebatch.redact.Redactor;
import org.edgebatch.step.SnapshotRenderer;
import org.edgebatch.testsupport.data.SharedData;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.VideoFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redaction, end to end on a real recording with people (PETS 2009): a job with {@code events.redact: [person]}
 * publishing to a folder. The published snapshot and clip have every person box blurred (its variance drops by more
 * than 80 %) and the rest of the picture as it was; the node keeps its files unredacted; the manifest says which
 * files were redacted.
 */
@ExtendWith(KeepersGone.class)
class RedactionTests {

    private static final String VIDEO = "pets2009_vtest_480x360.mp4";

    @TempDir
    static Path dir;

    static Path central;
    static Path published;
    static Path node;
    static RepositoryQueries repository;
    static Manifest manifest;

    @BeforeAll
    static void runAJobRedactingPeople() throws IOException {
        central = dir.resolve("central");
        Path spec = TestData.spec(dir, "redacting", """
                name: redacting
                input: {paths: [%s], include: [%s]}
                model: {path: %s}
                sampling: {everyNthFrame: 2}
                chunkSize: 16
                threads: 2
                output: %s
                events: {classes: [person], minScore: 0.5, clip: true, clipPaddingSeconds: 0, redact: [person], redactMargin: 0.1}
                publish: {target: "file://%s"}
                """.formatted(SharedData.video(VIDEO).getParent(), VIDEO, SharedData.fastModel(), dir.resolve("out"), central));
        Path db = Files.createDirectories(dir.resolve("db"));
        Cli.Result result = Cli.run("run", spec.toString(), "--db", db.toString(), "--json", "--progress", "none");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        repository = RepositoryQueries.inFolder(db);
        published = folderHolding(central, Manifest.FILE_NAME);
        manifest = Manifest.parse(Files.readString(published.resolve(Manifest.FILE_NAME)));
        node = folderHolding(dir.resolve("out"), manifest.files().getFirst().name());
    }

    @Test
    void theManifestSaysWhichPublishedFilesAreRedacted() {
        assertThat(manifest.files()).isNotEmpty().allSatisfy(entry -> assertThat(entry.redacted())
                .as(entry.name()).isEqualTo(entry.name().endsWith(".jpg") || entry.name().endsWith(".mp4")));
        assertThat(manifest.files()).anyMatch(entry -> entry.name().endsWith(".mp4"));
    }

    @Test
    void thePublishedSnapshotHasEveryPersonBlurredAndNothingElseChanged() throws IOException {
        for (JsonNode event : events()) {
            // given the node's snapshot and the published one, and the people in the snapshot's frame
            String name = event.get("snapshot").asString();
            BgrImage kept = BgrImage.of(ImageIO.read(node.resolve(name).toFile()));
            BgrImage sent = BgrImage.of(ImageIO.read(published.resolve(name).toFile()));
            List<Detection> people = people(event.get("bestFrame").asLong());
            assertThat(people).as(name).isNotEmpty();

            // then: inside every person box the published pixels are flattened
            for (Detection person : people) {
                RedactRegion box = inner(person, kept);
                assertThat(variance(sent, box)).as(name + " " + person).isLessThan(0.2 * variance(kept, box));
            }
            // and outside every redacted region they are equal (beyond the 16-pixel JPEG blocks a region touches)
            List<RedactRegion> regions = redactor().regions(people, kept.width(), kept.height());
            assertThat(changedOutside(kept, sent, regions, 16)).as(name).isZero();
        }
    }

    @Test
    void theNodeKeepsItsSnapshotUnredacted() throws IOException {
        for (JsonNode event : events()) {
            // when: the snapshot rendered again without redaction
            String name = event.get("snapshot").asString();
            Path fresh = dir.resolve("fresh").resolve(name);
            new SnapshotRenderer().render(SharedData.video(VIDEO), event.get("bestFrame").asLong(),
                    micros(event, "BEST_MICROS"), people(event.get("bestFrame").asLong()), fresh);

            // then: the node's copy is that one, byte for byte; only the copy in redacted/ differs
            assertThat(node.resolve(name)).hasSameBinaryContentAs(fresh);
            assertThat(Files.readAllBytes(RedactedCopies.folder(node).resolve(name))).isEqualTo(Files.readAllBytes(published.resolve(name)));
            assertThat(Files.readAllBytes(published.resolve(name))).isNotEqualTo(Files.readAllBytes(node.resolve(name)));
        }
    }

    @Test
    void thePublishedClipHasThePeopleBlurredInItsFrames() throws IOException {
        JsonNode event = events().getFirst();
        String name = event.get("clip").asString();
        long best = event.get("bestFrame").asLong();
        long offset = micros(event, "BEST_MICROS") - micros(event, "START_MICROS");
        List<Detection> people = people(best);
        try (FrameReader kept = FrameReader.builder(node.resolve(name)).open();
             FrameReader sent = FrameReader.builder(published.resolve(name)).open()) {
            int frames = 0;
            boolean checked = false;
            for (VideoFrame a = kept.read(), b = sent.read(); a != null; a = kept.read(), b = sent.read()) {
                assertThat(b).as("frame " + frames + " of the published clip").isNotNull();
                assertThat(b.timestampMicros()).isEqualTo(a.timestampMicros());
                if (Math.abs(a.timestampMicros() - offset) < 20_000) {
                    // the event's best frame: its people are blurred, the rest is the same picture (within H.264's loss)
                    for (Detection person : people) {
                        RedactRegion box = inner(person, a.image());
                        assertThat(variance(b.image(), box)).as("clip frame " + frames + " " + person)
                                .isLessThan(0.2 * variance(a.image(), box));
                    }
                    List<RedactRegion> regions = redactor().regions(people, a.image().width(), a.image().height());
                    assertThat(meanDifferenceOutside(a.image(), b.image(), regions, 16)).isLessThan(3);
                    checked = true;
                }
                frames++;
            }
            assertThat(sent.read()).isNull();
            assertThat(checked).as("the best frame at " + offset + " µs was in the clip").isTrue();
        }
    }

    @Test
    void aRedactedClassTheModelDoesNotDetectRefusesTheRunBeforeAnythingStarts() throws IOException {
        // given: a class name the COCO model does not have
        Path spec = TestData.spec(dir, "unicorns", """
                name: unicorns
                input: {paths: [%s], include: [%s]}
                model: {path: %s}
                output: %s
                events: {redact: [person, unicorn]}
                publish: {target: "file://%s"}
                """.formatted(SharedData.video(VIDEO).getParent(), VIDEO, SharedData.fastModel(), dir.resolve("out-unicorns"),
                dir.resolve("central-unicorns")));

        // when
        Cli.Result result = Cli.run("run", spec.toString(), "--db", Files.createDirectories(dir.resolve("db-unicorns")).toString(),
                "--progress", "none");

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains("events.redact[1] names 'unicorn', which model "
                + SharedData.fastModel().getFileName() + " does not detect; its classes: person, bicycle, car,");
        assertThat(dir.resolve("out-unicorns")).doesNotExist();
        assertThat(dir.resolve("central-unicorns")).doesNotExist();
    }

    private static Redactor redactor() {
        return new Redactor(Set.of("person"), RedactStyle.BLUR, RedactMargin.fraction(0.1));
    }

    private static List<JsonNode> events() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (Manifest.Entry entry : manifest.files()) {
            if (entry.name().endsWith(".json")) {
                events.add(JsonMapper.shared().readTree(Files.readString(published.resolve(entry.name()))));
            }
        }
        assertThat(events).isNotEmpty();
        return events;
    }

    private static long micros(JsonNode event, String column) {
        return ((Number) repository.rows("SELECT " + column + " FROM EB_EVENT WHERE EVENT_KEY = ?", event.get("event").asString())
                .getFirst().getFirst()).longValue();
    }

    private static List<Detection> people(long frameIndex) {
        List<Detection> people = new ArrayList<>();
        for (List<Object> row : repository.rows("SELECT CLASS_ID, LABEL, SCORE, X1, Y1, X2, Y2 FROM EB_DETECTION"
                + " WHERE FRAME_INDEX = ? AND LABEL = 'person' ORDER BY DET_INDEX", frameIndex)) {
            people.add(new Detection(((Number) row.get(0)).intValue(), (String) row.get(1), f(row.get(2)), f(row.get(3)),
                    f(row.get(4)), f(row.get(5)), f(row.get(6))));
        }
        return people;
    }

    private static float f(Object value) {
        return ((Number) value).floatValue();
    }

    /** The box without its outline (the painted frame is part of both images). */
    private static RedactRegion inner(Detection d, BgrImage image) {
        int x1 = Math.max(0, Math.round(d.x1()) + 3);
        int y1 = Math.max(0, Math.round(d.y1()) + 3);
        int x2 = Math.min(image.width(), Math.round(d.x2()) - 3);
        int y2 = Math.min(image.height(), Math.round(d.y2()) - 3);
        return new RedactRegion(x1, y1, Math.max(x1 + 1, x2), Math.max(y1 + 1, y2));
    }

    private static boolean near(List<RedactRegion> regions, int x, int y, int block) {
        for (RedactRegion r : regions) {
            // The JPEG blocks (16x16 with chroma subsampling) a region touches, and one pixel of upsampling around them.
            int x1 = Math.floorDiv(r.x1(), block) * block - 1;
            int y1 = Math.floorDiv(r.y1(), block) * block - 1;
            int x2 = Math.ceilDiv(r.x2(), block) * block + 1;
            int y2 = Math.ceilDiv(r.y2(), block) * block + 1;
            if (x >= x1 && x < x2 && y >= y1 && y < y2) {
                return true;
            }
        }
        return false;
    }

    private static long changedOutside(BgrImage a, BgrImage b, List<RedactRegion> regions, int block) {
        long changed = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (!near(regions, x, y, block)) {
                    for (int c = 0; c < 3; c++) {
                        if (a.sample(x, y, c) != b.sample(x, y, c)) {
                            changed++;
                        }
                    }
                }
            }
        }
        return changed;
    }

    private static double meanDifferenceOutside(BgrImage a, BgrImage b, List<RedactRegion> regions, int block) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (!near(regions, x, y, block)) {
                    for (int c = 0; c < 3; c++) {
                        sum += Math.abs(a.sample(x, y, c) - b.sample(x, y, c));
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }

    private static double variance(BgrImage image, RedactRegion region) {
        double total = 0;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            long n = 0;
            for (int y = region.y1(); y < region.y2(); y++) {
                for (int x = region.x1(); x < region.x2(); x++) {
                    int v = image.sample(x, y, c);
                    sum += v;
                    squares += (double) v * v;
                    n++;
                }
            }
            double mean = sum / n;
            total += squares / n - mean * mean;
        }
        return total / 3;
    }

    private static Path folderHolding(Path root, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().equals(fileName))
                    .filter(file -> !file.getParent().getFileName().toString().equals(RedactedCopies.FOLDER))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + fileName + " under " + root)).getParent();
        }
    }
}
