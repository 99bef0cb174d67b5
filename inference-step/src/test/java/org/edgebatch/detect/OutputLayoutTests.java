package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputLayoutTests {

    @Test
    void findsEachLayoutFromTheShapeAndInputSize() {
        assertThat(OutputLayout.detect(new long[] {1, 25200, 85}, 640, 640)).isEqualTo(OutputLayout.YOLOV5);
        assertThat(OutputLayout.detect(new long[] {1, 84, 8400}, 640, 640)).isEqualTo(OutputLayout.YOLOV8);
        assertThat(OutputLayout.detect(new long[] {1, 3549, 85}, 416, 416)).isEqualTo(OutputLayout.YOLOX);
        // YOLOX at 640 has YOLOv8's cell count, but in rows, not columns
        assertThat(OutputLayout.detect(new long[] {1, 8400, 85}, 640, 640)).isEqualTo(OutputLayout.YOLOX);
        // a batch-less output and a rectangular input
        assertThat(OutputLayout.detect(new long[] {6 + 4, 80 * 60 + 40 * 30 + 20 * 15}, 640, 480)).isEqualTo(OutputLayout.YOLOV8);
    }

    @Test
    void namesTheShapeThatFitsNoLayout() {
        assertThatThrownBy(() -> OutputLayout.detect(new long[] {1, 100, 7}, 640, 640))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 100, 7]")
                .hasMessageContaining("640x640")
                .hasMessageContaining("[1, 25200, 5+C]");
        assertThatThrownBy(() -> OutputLayout.detect(new long[] {2, 25200, 85}, 640, 640))
                .hasMessageContaining("[2, 25200, 85]");
    }

    @Test
    void anExplicitLayoutAcceptsAnyRowCountButYoloxNeedsItsGrid() {
        // given: a YOLOv5-style model with other heads
        YoloDecoder decoder = OutputLayout.YOLOV5.decoder(new long[] {1, 1000, 7}, 640, 640);

        // then
        assertThat(decoder).isInstanceOf(YoloV5Decoder.class);
        assertThat(decoder.classCount()).isEqualTo(2);
        assertThat(OutputLayout.YOLOV8.decoder(new long[] {1, 84, 2100}, 320, 320).classCount()).isEqualTo(80);
        assertThatThrownBy(() -> OutputLayout.YOLOX.decoder(new long[] {1, 1000, 85}, 416, 416))
                .hasMessageContaining("[1, 1000, 85]")
                .hasMessageContaining("[1, 3549, 5+C]");
    }

    @Test
    void namesLayoutsLikeUsersDo() {
        assertThat(OutputLayout.byName("YOLO11")).isEqualTo(OutputLayout.YOLOV8);
        assertThat(OutputLayout.byName("yolox")).isEqualTo(OutputLayout.YOLOX);
        assertThatThrownBy(() -> OutputLayout.byName("ssd")).hasMessageContaining("'ssd'");
    }

    @Test
    void eachLayoutPreprocessesLikeItsFamily() {
        assertThat(OutputLayout.YOLOV5.letterboxStyle()).isEqualTo(LetterboxStyle.ULTRALYTICS);
        assertThat(OutputLayout.YOLOV8.letterboxStyle()).isEqualTo(LetterboxStyle.ULTRALYTICS);
        assertThat(OutputLayout.YOLOX.letterboxStyle()).isEqualTo(LetterboxStyle.YOLOX);
    }
}
