package org.edgebatch.batch.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgebatch.detect.Detection;
import org.edgebatch.step.FrameDetections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DetectionFileWritersTests {

    private static final FrameDetections PERSON = new FrameDetections("v1", 3, 120_000, true, false,
            List.of(new Detection(0, "person", 0.9f, 100, 50, 300, 350)), 640, 400);
    private static final FrameDetections EMPTY = new FrameDetections("v1", 4, 160_000, true, false, List.of(), 640, 400);
    private static final FrameDetections STILL = new FrameDetections("v1", 5, 200_000, false, true, List.of(), 640, 400);

    @TempDir
    Path dir;

    @Test
    void jsonLinesHaveOneObjectPerFrameAndARestartTruncatesToTheLastCommit() throws Exception {
        // given
        Path file = dir.resolve("out/detections.jsonl");
        ItemStreamWriter<FrameDetections> writer = new JsonLinesDetectionItemWriterBuilder().file(file).build();
        ExecutionContext context = new ExecutionContext();
        writer.open(context);

        // when: one chunk committed (its position saved), then another written before a crash
        writer.write(new Chunk<>(List.of(PERSON, EMPTY)));
        writer.update(context);
        writer.write(new Chunk<>(List.of(STILL)));
        writer.close();
        ItemStreamWriter<FrameDetections> restarted = new JsonLinesDetectionItemWriterBuilder().file(file).build();
        restarted.open(context);
        restarted.write(new Chunk<>(List.of(STILL)));
        restarted.close();

        // then
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode first = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(first.get("frame").asLong()).isEqualTo(3);
        assertThat(first.get("detections").get(0).get("label").asString()).isEqualTo("person");
        assertThat(first.get("detections").get(0).get("box").get(2).asDouble()).isEqualTo(300.0);
        assertThat(lines.get(2)).contains("\"motionSkipped\":true");
    }

    @Test
    void csvHasAHeaderAndOneRowPerDetection() throws Exception {
        Path file = dir.resolve("detections.csv");
        ItemStreamWriter<FrameDetections> writer = new CsvDetectionItemWriterBuilder().file(file).build();
        writer.open(new ExecutionContext());
        writer.write(new Chunk<>(List.of(PERSON, EMPTY, STILL)));
        writer.close();

        assertThat(Files.readAllLines(file)).containsExactly(DetectionFileFormats.CSV_HEADER,
                "v1,3,120000,0,person,0.9,100.0,50.0,300.0,350.0");
    }

    @Test
    void yoloLabelsAreOneFilePerInferredFrameInFractionsOfTheFrame() throws Exception {
        YoloLabelsItemWriter writer = new YoloLabelsItemWriterBuilder().folder(dir.resolve("labels")).build();
        writer.write(new Chunk<>(List.of(PERSON, EMPTY, STILL)));

        assertThat(Files.readAllLines(writer.labelFile("v1", 3))).containsExactly("0 0.312500 0.500000 0.312500 0.750000");
        assertThat(writer.labelFile("v1", 4)).isEmptyFile();
        assertThat(writer.labelFile("v1", 5)).doesNotExist();
        assertThatThrownBy(() -> writer.write(new Chunk<>(List.of(new FrameDetections("v1", 6, 0, true, false, List.of())))))
                .hasMessageContaining("frame 6 of video v1 has no size");
    }

    @Test
    void buildersNameWhatIsMissing() {
        assertThatThrownBy(() -> new VideoFrameItemReaderBuilder().file(dir).build()).hasMessageContaining("a name is required");
        assertThatThrownBy(() -> new VideoFrameItemReaderBuilder().name("frames").build()).hasMessageContaining("a video is required");
        assertThatThrownBy(() -> new VideoFrameItemReaderBuilder().videoId("x".repeat(21))).hasMessageContaining("1..20 characters");
        assertThatThrownBy(() -> new DetectItemProcessorBuilder().build()).hasMessageContaining("neither");
        assertThatThrownBy(() -> new JsonLinesDetectionItemWriterBuilder().build()).hasMessageContaining("a file is required");
    }
}
