package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.edgebatch.ort.ElementType;
import org.junit.jupiter.api.Test;

class YoloDecoderTests {

    private static final float[] V5_ROWS = {
            // cx, cy, w, h, obj, 3 classes
            100, 50, 20, 10, 0.9f, 0.1f, 0.8f, 0.3f,   // score 0.72, class 1
            10, 10, 4, 4, 0.2f, 1.0f, 0.0f, 0.0f,      // objectness below 0.25: skipped
            30, 30, 8, 8, 0.5f, 0.4f, 0.3f, 0.2f,      // 0.5 * 0.4 = 0.2: below 0.25
            60, 60, 10, 20, 0.6f, 0.0f, 0.0f, 0.5f};   // score 0.3, class 2

    @Test
    void yoloV5MultipliesObjectnessAndBestClassScore() {
        // given
        Candidates out = new Candidates();

        // when
        new YoloV5Decoder(4, 3).decode(MemorySegment.ofArray(V5_ROWS), ElementType.FLOAT32, 0.25f, ClassFilter.all(), out);

        // then
        assertThat(boxes(out)).containsExactly(
                new Box(90, 45, 110, 55, 0.9f * 0.8f, 1),
                new Box(55, 50, 65, 70, 0.6f * 0.5f, 2));
    }

    @Test
    void yoloV5ReadsHalfPrecisionOutputs() {
        // given
        short[] half = new short[V5_ROWS.length];
        for (int i = 0; i < half.length; i++) {
            half[i] = Float.floatToFloat16(V5_ROWS[i]);
        }
        Candidates out = new Candidates();

        // when
        new YoloV5Decoder(4, 3).decode(MemorySegment.ofArray(half), ElementType.FLOAT16, 0.25f, ClassFilter.all(), out);

        // then: the same boxes, at half precision
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.x1(0)).isEqualTo(90f);
        assertThat(out.score(0)).isEqualTo(Float.float16ToFloat(Float.floatToFloat16(0.9f)) * Float.float16ToFloat(Float.floatToFloat16(0.8f)));
        assertThat(out.classId(1)).isEqualTo(2);
    }

    @Test
    void classFilterDropsBoxesWhoseBestClassIsNotWanted() {
        // given
        Candidates out = new Candidates();

        // when: only class 2; row 0's best class is 1, so it goes (its class-2 score is not considered)
        new YoloV5Decoder(4, 3).decode(MemorySegment.ofArray(V5_ROWS), ElementType.FLOAT32, 0.25f,
                ClassFilter.of(List.of(2)), out);

        // then
        assertThat(boxes(out)).extracting(Box::classId).containsExactly(2);
    }

    @Test
    void yoloV8ReadsChannelMajorColumnsWithoutObjectness() {
        // given: [1, 4 + 2, 3]: rows cx, cy, w, h, class 0, class 1; columns = anchors
        float[] output = {
                100, 200, 300,    // cx
                100, 200, 300,    // cy
                10, 20, 30,       // w
                10, 20, 30,       // h
                0.9f, 0.1f, 0.2f, // class 0
                0.3f, 0.2f, 0.7f};// class 1
        Candidates out = new Candidates();

        // when
        new YoloV8Decoder(3, 2).decode(MemorySegment.ofArray(output), ElementType.FLOAT32, 0.25f, ClassFilter.all(), out);

        // then: anchor 1's best (0.2) is below the threshold
        assertThat(boxes(out)).containsExactly(
                new Box(95, 95, 105, 105, 0.9f, 0),
                new Box(285, 285, 315, 315, 0.7f, 1));
    }

    @Test
    void yoloXDecodesRawGridOffsetsPerStride() {
        // given: a 64x64 input has 8x8 + 4x4 + 2x2 = 84 cells; cell 70 is stride 16, gx = 2, gy = 1
        int classes = 2;
        float[] output = new float[84 * (5 + classes)];
        int row = 70 * (5 + classes);
        output[row] = 0.5f;                      // dx
        output[row + 1] = 0.25f;                 // dy
        output[row + 2] = (float) Math.log(2);   // log w
        output[row + 3] = 0f;                    // log h
        output[row + 4] = 0.8f;                  // objectness
        output[row + 6] = 0.5f;                  // class 1
        Candidates out = new Candidates();

        // when
        new YoloXDecoder(classes, 64, 64).decode(MemorySegment.ofArray(output), ElementType.FLOAT32, 0.25f, ClassFilter.all(), out);

        // then: cx = 2.5 * 16 = 40, cy = 1.25 * 16 = 20, w = 2 * 16 = 32, h = 16
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.x1(0)).isCloseTo(24f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(out.y1(0)).isEqualTo(12f);
        assertThat(out.x2(0)).isCloseTo(56f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(out.y2(0)).isEqualTo(28f);
        assertThat(out.score(0)).isEqualTo(0.8f * 0.5f);
        assertThat(out.classId(0)).isEqualTo(1);
    }

    @Test
    void rejectsAnIntegerOutput() {
        assertThatThrownBy(() -> new YoloV5Decoder(4, 3).decode(MemorySegment.ofArray(new int[32]), ElementType.INT32,
                0.25f, ClassFilter.all(), new Candidates()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INT32")
                .hasMessageContaining("FLOAT32 or FLOAT16");
    }

    @Test
    void rejectsAnOutputShorterThanItsShape() {
        assertThatThrownBy(() -> new YoloV8Decoder(8400, 80).decode(MemorySegment.ofArray(new float[10]), ElementType.FLOAT32,
                0.25f, ClassFilter.all(), new Candidates()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40 bytes");
    }

    record Box(float x1, float y1, float x2, float y2, float score, int classId) {
    }

    static List<Box> boxes(Candidates c) {
        return java.util.stream.IntStream.range(0, c.size())
                .mapToObj(i -> new Box(c.x1(i), c.y1(i), c.x2(i), c.y2(i), c.score(i), c.classId(i)))
                .toList();
    }
}
