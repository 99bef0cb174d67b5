package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputDecodersTests {

    @Test
    void theBuiltInLayoutsAreFoundByTheirNames() {
        assertThat(OutputDecoders.byName("yolov5")).isEqualTo(OutputLayout.YOLOV5);
        assertThat(OutputDecoders.byName("YOLO11")).isEqualTo(OutputLayout.YOLOV8);
        assertThat(OutputLayout.YOLOX.name()).isEqualTo("YOLOX");
    }

    @Test
    void anUnknownNameListsTheKnownOnesAndSaysHowToAddOne() {
        assertThatThrownBy(() -> OutputDecoders.byName("ssd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown output layout 'ssd'; known: yolov5, yolov8, yolo11, yolox")
                .hasMessageContaining("META-INF/services/org.edgebatch.detect.OutputDecoder");
    }
}
