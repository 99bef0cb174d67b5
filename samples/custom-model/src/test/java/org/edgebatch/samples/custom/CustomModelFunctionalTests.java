package org.edgebatch.samples.custom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.detect.Detector;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's own decoder, named in a property and found through the SPI, decodes YOLOv5n's output over a real clip:
 * every frame read is a JSON line, and the people walking by are found as one class of objects.
 */
class CustomModelFunctionalTests {

    private static final int EVERY_NTH_FRAME = 40;

    @TempDir
    Path dir;

    @Test
    void aDecoderOfTheApplicationsOwnDecodesTheModelAndItsFramesAreWrittenAsJsonLines() throws Exception {
        // given
        Path output = dir.resolve("detections.jsonl");
        Path video = SharedData.video("pets2009_vtest_480x360.mp4");

        // when
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CustomModelApplication.class)
                .properties("edgebatch.model.path=" + SharedData.model(SharedData.YOLOV5N_FP16),
                        "edgebatch.model.layout=" + AnyObjectDecoder.NAME, "edgebatch.model.confidence=0.4",
                        "custom-model.video=" + video, "custom-model.output=" + output,
                        "custom-model.every-nth-frame=" + EVERY_NTH_FRAME, "spring.datasource.url=jdbc:h2:mem:custom-model")
                .run()) {
            // then: the detector decodes with the application's class
            assertThat(context.getBean(Detector.class).model().layout()).isInstanceOf(AnyObjectDecoder.class);
        }

        // and: one line per frame read (795 frames, every 40th), each detection of the one class, at least the confidence
        List<JsonNode> frames = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(output)) {
            frames.add(json.readTree(line));
        }
        assertThat(frames).hasSize((795 + EVERY_NTH_FRAME - 1) / EVERY_NTH_FRAME);
        assertThat(frames).extracting(frame -> frame.get("frame").asLong()).startsWith(0L, (long) EVERY_NTH_FRAME);
        List<JsonNode> detections = frames.stream().flatMap(frame -> frame.get("detections").valueStream()).toList();
        assertThat(detections).hasSizeGreaterThan(frames.size());
        assertThat(detections).allSatisfy(detection -> {
            assertThat(detection.get("classId").asInt()).isZero();
            assertThat(detection.get("score").asDouble()).isGreaterThanOrEqualTo(0.4);
        });
    }
}
