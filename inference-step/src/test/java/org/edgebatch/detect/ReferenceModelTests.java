package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our pre- and post-processing around ONNX Runtime's own Java API on the three real COCO models:
 * the decoders read real outputs of each layout, and the scores are those PROVENANCE.md recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceModelTests {

    /** One session per model for the whole class: loading dominates these tests' time. */
    private final Map<String, OrtJavaReference> sessions = new HashMap<>();

    @AfterAll
    void closeSessions() throws OrtException {
        for (OrtJavaReference reference : sessions.values()) {
            reference.close();
        }
    }

    private OrtJavaReference reference(String model) throws OrtException {
        OrtJavaReference reference = sessions.get(model);
        if (reference == null) {
            reference = new OrtJavaReference(BusScene.model(model));
            sessions.put(model, reference);
        }
        return reference;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yolov5n_coco_fp16.onnx | YOLOV5 | bus 0.57, person 0.82, person 0.81, person 0.67",
            "yolov8n_coco_int8.onnx | YOLOV8 | bus 0.82, person 0.90, person 0.90, person 0.88, person 0.33",
            "yolox_nano_coco.onnx   | YOLOX  | bus 0.91, person 0.86, person 0.81, person 0.71"})
    void findsTheBusAndThePeopleWithTheRecordedScores(String model, OutputLayout layout, String recorded) throws Exception {
        OrtJavaReference reference = reference(model);
        {
            // when
            List<Detection> detections = reference.detect(BusScene.image("bus.jpg"), DetectionSettings.defaults());

            // then
            assertThat(reference.layout()).isEqualTo(layout);
            BusScene.assertBusAndPeople(detections);
            for (String entry : recorded.split(",")) {
                String[] parts = entry.strip().split(" ");
                float score = Float.parseFloat(parts[1]);
                assertThat(detections).as("%s %s in %s", parts[0], parts[1], detections)
                        .anyMatch(d -> d.label().equals(parts[0]) && Math.abs(d.score() - score) <= 0.04f);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"yolov5n_coco_fp16.onnx", "yolov8n_coco_int8.onnx", "yolox_nano_coco.onnx"})
    void findsBothMenAndTheTieOnZidane(String model) throws Exception {
        OrtJavaReference reference = reference(model);
        {
            // when
            List<Detection> detections = reference.detect(BusScene.image("zidane.jpg"), DetectionSettings.defaults());

            // then
            assertThat(detections).filteredOn(d -> d.label().equals("person") && d.score() > 0.3f).hasSize(2);
            assertThat(detections).anyMatch(d -> BusScene.matches(d, BusScene.ZIDANE_RIGHT));
            assertThat(detections).anyMatch(d -> d.label().equals("tie"));
            assertThat(detections).allSatisfy(d -> {
                assertThat(d.x1()).isBetween(0f, 1280f);
                assertThat(d.x2()).isBetween(d.x1(), 1280f);
                assertThat(d.y2()).isBetween(d.y1(), 720f);
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"yolov5n_coco_fp16.onnx", "yolov8n_coco_int8.onnx", "yolox_nano_coco.onnx"})
    void aClassFilterKeepsOnlyThatClass(String model) throws Exception {
        OrtJavaReference reference = reference(model);
        {
            // given
            DetectionSettings busesOnly = new DetectionSettings(0.25f, 0.45f, 300, Labels.coco().filter(List.of("bus")));

            // when
            List<Detection> detections = reference.detect(BusScene.image("bus.jpg"), busesOnly);

            // then
            assertThat(detections).isNotEmpty().allMatch(d -> d.label().equals("bus"));
        }
    }
}
