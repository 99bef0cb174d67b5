package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.ort.OrtRuntimeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detector on the three real COCO models: it finds the bus and the people in bus.jpg, and its boxes
 * are those of ONNX Runtime's own Java API run through the same pre- and post-processing, to a pixel.
 */
@ExtendWith(OrtRuntimeExtension.class)
class DetectorAcceptanceTests {

    private final OrtRuntime runtime;

    DetectorAcceptanceTests(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n_coco_fp16.onnx", "yolov8n_coco_int8.onnx", "yolox_nano_coco.onnx"})
    void findsTheBusAndThePeopleExactlyAsTheReferenceDoes(String modelName) throws Exception {
        // given
        Path model = BusScene.model(modelName);
        BgrImage bus = BusScene.image("bus.jpg");
        BgrImage zidane = BusScene.image("zidane.jpg");
        List<Detection> referenceBus;
        List<Detection> referenceZidane;
        try (OrtJavaReference reference = new OrtJavaReference(model)) {
            referenceBus = reference.detect(bus, DetectionSettings.defaults());
            referenceZidane = reference.detect(zidane, DetectionSettings.defaults());
        }

        try (Detector detector = Detector.open(runtime, DetectorConfig.of(model).withIntraOpThreads(2))) {
            // when
            DetectionResult onBus = detector.detect(bus);
            DetectionResult onZidane = detector.detect(zidane);

            // then
            assertThat(onBus.width()).isEqualTo(810);
            assertThat(onBus.height()).isEqualTo(1080);
            assertThat(onBus.inferenceTime()).isPositive();
            BusScene.assertBusAndPeople(onBus.detections());
            assertSameAsReference(onBus.detections(), referenceBus);
            assertThat(onZidane.detections()).anyMatch(d -> BusScene.matches(d, BusScene.ZIDANE_RIGHT));
            assertSameAsReference(onZidane.detections(), referenceZidane);
        }
    }

    @Test
    void readsTheModelsOwnNamesAndFindsItsLayout() {
        try (Detector detector = Detector.open(runtime, DetectorConfig.of(BusScene.model("yolov5n_coco_fp16.onnx")))) {
            ModelInfo model = detector.model();

            assertThat(model.layout()).isEqualTo(OutputLayout.YOLOV5);
            assertThat(model.input()).isEqualTo(new ModelInput(640, 640, org.edgebatch.ort.ElementType.FLOAT16));
            assertThat(model.outputShape()).containsExactly(1, 25200, 85);
            assertThat(model.labels()).isEqualTo(Labels.coco());
        }
    }

    @Test
    void servesConcurrentCallersWithOneRequestEach() throws Exception {
        // given
        BgrImage bus = BusScene.image("bus.jpg");
        try (Detector detector = Detector.open(runtime, DetectorConfig.of(BusScene.model("yolox_nano_coco.onnx")).withIntraOpThreads(1));
             ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Detection> alone = detector.detect(bus).detections();

            // when
            List<Future<List<Detection>>> results = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                results.add(pool.submit(() -> detector.detect(bus).detections()));
            }

            // then
            for (Future<List<Detection>> result : results) {
                assertThat(result.get()).isEqualTo(alone);
            }
            assertThat(detector.requestCount()).isBetween(1, 3);
        }
    }

    @Test
    void keepsOnlyTheClassesAskedFor() throws Exception {
        DetectorConfig config = DetectorConfig.of(BusScene.model("yolov8n_coco_int8.onnx")).withClasses(List.of("bus"));
        try (Detector detector = Detector.open(runtime, config)) {
            assertThat(detector.detect(BusScene.image("bus.jpg")).detections()).singleElement()
                    .satisfies(d -> assertThat(d.label()).isEqualTo("bus"));
        }
    }

    @Test
    void refusesToDetectOnceClosed() throws Exception {
        Detector detector = Detector.open(runtime, DetectorConfig.of(BusScene.model("yolox_nano_coco.onnx")));
        detector.close();
        detector.close();

        assertThatThrownBy(() -> detector.detect(LetterboxTests.uniform(8, 8, 0, 0, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void badConfigurationIsAnErrorNamingWhatIsWrong(@TempDir Path dir) throws IOException {
        Path model = BusScene.model("yolox_nano_coco.onnx");
        Path labels = Files.writeString(dir.resolve("labels.txt"), "helmet\nvest\n");

        assertThatThrownBy(() -> Detector.open(runtime, DetectorConfig.of(dir.resolve("missing.onnx"))))
                .hasMessageContaining("missing.onnx")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Detector.open(runtime, DetectorConfig.of(model).withClasses(List.of("unicorn"))))
                .hasMessageContaining("unknown class 'unicorn'")
                .hasMessageContaining("person, bicycle");
        assertThatThrownBy(() -> Detector.open(runtime, DetectorConfig.of(model).withLabels(labels)))
                .hasMessageContaining("labels.txt names 2 classes")
                .hasMessageContaining("predicts 80");
        assertThatThrownBy(() -> Detector.open(runtime, DetectorConfig.of(BusScene.model("yolov5n_coco_fp16.onnx"))
                .withLayout(OutputLayout.YOLOX)))
                .hasMessageContaining("[1, 25200, 85]")
                .hasMessageContaining("YOLOX");
    }

    private static void assertSameAsReference(List<Detection> actual, List<Detection> reference) {
        assertThat(actual).hasSameSizeAs(reference);
        for (int i = 0; i < actual.size(); i++) {
            Detection a = actual.get(i);
            Detection r = reference.get(i);
            assertThat(a.label()).isEqualTo(r.label());
            assertThat(a.score()).isCloseTo(r.score(), within(1e-4f));
            assertThat(a.x1()).isCloseTo(r.x1(), within(1f));
            assertThat(a.y1()).isCloseTo(r.y1(), within(1f));
            assertThat(a.x2()).isCloseTo(r.x2(), within(1f));
            assertThat(a.y2()).isCloseTo(r.y2(), within(1f));
        }
    }
}
