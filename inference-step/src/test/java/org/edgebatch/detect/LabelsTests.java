package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTests {

    @TempDir
    Path dir;

    @Test
    void cocoHasTheEightyClassesInTrainingOrder() {
        Labels coco = Labels.coco();

        assertThat(coco.size()).isEqualTo(80);
        assertThat(coco.name(0)).isEqualTo("person");
        assertThat(coco.name(5)).isEqualTo("bus");
        assertThat(coco.name(79)).isEqualTo("toothbrush");
        assertThat(coco.name(80)).isEqualTo("class80");
    }

    @Test
    void readsOneNamePerLineIgnoringTrailingBlankLines() throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("labels.txt"), "helmet\n no helmet \nvest\n\n");

        // when
        Labels labels = Labels.read(file);

        // then
        assertThat(labels.names()).containsExactly("helmet", "no helmet", "vest");
    }

    @Test
    void aBlankLineInsideALabelsFileIsAnErrorNamingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("labels.txt"), "a\n\nb\n");

        assertThatThrownBy(() -> Labels.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2");
    }

    @Test
    void aMissingLabelsFileIsAnErrorNamingIt() {
        Path file = dir.resolve("missing.txt");

        assertThatThrownBy(() -> Labels.read(file)).hasMessageContaining("cannot read labels file " + file);
    }

    @Test
    void readsTheNamesUltralyticsStoresInModelMetadata() {
        // given: the format of yolov5n_coco_fp16.onnx's 'names' entry
        Map<String, String> metadata = Map.of("stride", "32",
                "names", "{0: 'person', 1: 'bicycle', 2: \"o'clock\", 3: 'hair drier'}");

        // then
        assertThat(Labels.fromMetadata(metadata)).contains(new Labels(List.of("person", "bicycle", "o'clock", "hair drier")));
        assertThat(Labels.fromMetadata(Map.of("names", "{1: 'a'}"))).isEmpty();
        assertThat(Labels.fromMetadata(Map.of())).isEmpty();
    }

    @Test
    void filtersByNameOrIdIgnoringCase() {
        // when
        ClassFilter filter = Labels.coco().filter(List.of("Person", " car", "5"));

        // then
        assertThat(filter.accepts(0)).isTrue();
        assertThat(filter.accepts(2)).isTrue();
        assertThat(filter.accepts(5)).isTrue();
        assertThat(filter.accepts(1)).isFalse();
        assertThat(Labels.coco().filter(List.of()).acceptsAll()).isTrue();
    }

    @Test
    void anUnknownClassIsAnErrorListingTheValidNames() {
        assertThatThrownBy(() -> Labels.coco().filter(List.of("person", "unicorn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown class 'unicorn'")
                .hasMessageContaining("person, bicycle, car")
                .hasMessageContaining("toothbrush");
        assertThatThrownBy(() -> Labels.coco().filter(List.of("80"))).hasMessageContaining("'80'");
    }
}
