package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.edgebatch.ort.ElementType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LetterboxTests {

    /**
     * SHA-256 of the UINT8 CHW tensor that Ultralytics' letterbox() / YOLOX's preproc(), run with
     * OpenCV 4.6.0 (cv2.resize INTER_LINEAR, Debian python3-opencv), produced for {@link #synthetic}
     * images: our resize must be bit-exact with theirs, not merely close.
     */
    @ParameterizedTest
    @CsvSource({
            "ULTRALYTICS, 1920, 1080, 640, 0c81ecb76daef7861801915f2ac78c3844e884bd632a9325c39b036dbc2171f5",
            "ULTRALYTICS, 300, 200, 640, 56a1fe4eac98b524df987edf545acdbb366d4f7d15927c91e760cc81454e75fc",
            "ULTRALYTICS, 641, 479, 640, f11a1178b150fb997fc0b9a29c4e5e4f846f61d6281b178d319089247196ca3e",
            "ULTRALYTICS, 333, 777, 320, f1632a5093247f1d8bca5ed7ab84e9e9bb44d2995bbbf21f9672ce201071a05c",
            "ULTRALYTICS, 640, 640, 640, 7b363f0007c46d203539227b21fc32bea99e9bbdca354cb5c07ea964ee88d059",
            "ULTRALYTICS, 7, 3, 64, 0efc955ad14bb857f476a689c7fbbac7cf4fd8fb9bf24b6595526d23767e5b99",
            "YOLOX, 333, 777, 416, 766df9bfdfd4f584f3a7f30c256f030d3b4ee8acd46886fa2f4b63f33c6329b2",
            "YOLOX, 100, 50, 416, b0718661d382775f70311710355836cdd67d420f3cb88ff881626bbb5fff3558",
            "YOLOX, 1280, 720, 416, 287e548acca5b40defb5c73d23d832b719f2d45b04915e5737244c0db0b40b20",
            "YOLOX, 5, 9, 32, be2e2c7da7f148321fef5fc8a70789b41cce131e157ec715cd3f839ba057fb44"})
    void matchesOpenCvBitForBit(LetterboxStyle style, int width, int height, int size, String sha256) throws Exception {
        // given
        BgrImage image = synthetic(width, height, 0);
        ModelInput input = new ModelInput(size, size, ElementType.UINT8);
        MemorySegment tensor = MemorySegment.ofArray(new byte[(int) input.byteSize()]);

        // when
        new Letterbox(style, input).apply(image, tensor);

        // then
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(tensor.toArray(ValueLayout.JAVA_BYTE));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(sha256);
    }

    @Test
    void ultralyticsCentresAPortraitImageAndRoundsLikePython() {
        // given: bus.jpg's size
        LetterboxStyle style = LetterboxStyle.ULTRALYTICS;

        // when
        LetterboxTransform bus = style.place(810, 1080, 640, 640);
        LetterboxTransform odd = style.place(100, 79, 64, 64);

        // then: 810x1080 -> 480x640, dw = 80
        assertThat(bus).isEqualTo(new LetterboxTransform(810, 1080, 480, 640, 80, 0, 640.0 / 1080));
        // 100x79 -> 64x51 (50.56 rounds up), dh = 6.5: top = round(6.4) = 6, so the extra row goes to the bottom
        assertThat(odd.resizedHeight()).isEqualTo(51);
        assertThat(odd.padTop()).isEqualTo(6);
    }

    @Test
    void yoloxTruncatesTheSizeAndPadsOnlyBottomAndRight() {
        // when
        LetterboxTransform zidane = LetterboxStyle.YOLOX.place(1280, 720, 416, 416);

        // then: 720 * 0.325 = 234
        assertThat(zidane).isEqualTo(new LetterboxTransform(1280, 720, 416, 234, 0, 0, 0.325));
    }

    @Test
    void writesNormalisedRgbFloatsWithGreyPadding() {
        // given: a uniform image of B=10, G=20, R=30, 4:1 wide so it is padded above and below
        BgrImage image = uniform(400, 100, 10, 20, 30);
        ModelInput input = new ModelInput(64, 64, ElementType.FLOAT32);

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tensor = arena.allocate(input.byteSize());

            // when
            LetterboxTransform placement = new Letterbox(LetterboxStyle.ULTRALYTICS, input).apply(image, tensor);

            // then: 64x16 at top 24; channel 0 is red
            assertThat(placement.padTop()).isEqualTo(24);
            assertThat(floatAt(tensor, input, 0, 30, 10)).isEqualTo(30 / 255f);
            assertThat(floatAt(tensor, input, 1, 30, 10)).isEqualTo(20 / 255f);
            assertThat(floatAt(tensor, input, 2, 30, 10)).isEqualTo(10 / 255f);
            assertThat(floatAt(tensor, input, 0, 0, 0)).isEqualTo(114 / 255f);
            assertThat(floatAt(tensor, input, 2, 63, 63)).isEqualTo(114 / 255f);
            assertThat(floatAt(tensor, input, 1, 23, 5)).isEqualTo(114 / 255f);
            assertThat(floatAt(tensor, input, 1, 24, 5)).isEqualTo(20 / 255f);
            assertThat(floatAt(tensor, input, 1, 39, 5)).isEqualTo(20 / 255f);
            assertThat(floatAt(tensor, input, 1, 40, 5)).isEqualTo(114 / 255f);
        }
    }

    @Test
    void writesYoloxBgrFloatsInTheZeroTo255Range() {
        // given
        BgrImage image = uniform(100, 400, 10, 20, 30);
        ModelInput input = new ModelInput(64, 64, ElementType.FLOAT32);
        MemorySegment tensor = MemorySegment.ofArray(new float[(int) input.elementCount()]);

        // when
        LetterboxTransform placement = new Letterbox(LetterboxStyle.YOLOX, input).apply(image, tensor);

        // then: 16x64 at the left edge; channel 0 is blue
        assertThat(placement.resizedWidth()).isEqualTo(16);
        assertThat(floatAt(tensor, input, 0, 10, 0)).isEqualTo(10f);
        assertThat(floatAt(tensor, input, 2, 10, 15)).isEqualTo(30f);
        assertThat(floatAt(tensor, input, 2, 10, 16)).isEqualTo(114f);
    }

    @Test
    void halfPrecisionAndFloatTensorsHoldTheSameValues() {
        // given
        BgrImage image = synthetic(333, 250, 0);
        ModelInput floats = new ModelInput(96, 96, ElementType.FLOAT32);
        ModelInput halves = new ModelInput(96, 96, ElementType.FLOAT16);
        MemorySegment floatTensor = MemorySegment.ofArray(new float[(int) floats.elementCount()]);
        MemorySegment halfTensor = MemorySegment.ofArray(new short[(int) halves.elementCount()]);

        // when
        new Letterbox(LetterboxStyle.ULTRALYTICS, floats).apply(image, floatTensor);
        new Letterbox(LetterboxStyle.ULTRALYTICS, halves).apply(image, halfTensor);

        // then
        float[] expected = floatTensor.toArray(ValueLayout.JAVA_FLOAT);
        short[] actual = halfTensor.toArray(ValueLayout.JAVA_SHORT);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isEqualTo(Float.floatToFloat16(expected[i]));
        }
    }

    @Test
    void readsRowsThroughTheStrideAndReusesTablesAcrossSizes() {
        // given: the same pixels once tightly packed, once with 17 bytes of row padding (as FFmpeg aligns rows)
        BgrImage packed = synthetic(101, 77, 0);
        BgrImage strided = synthetic(101, 77, 17);
        ModelInput input = new ModelInput(64, 64, ElementType.UINT8);
        Letterbox letterbox = new Letterbox(LetterboxStyle.ULTRALYTICS, input);
        MemorySegment first = MemorySegment.ofArray(new byte[(int) input.byteSize()]);
        MemorySegment other = MemorySegment.ofArray(new byte[(int) input.byteSize()]);
        MemorySegment second = MemorySegment.ofArray(new byte[(int) input.byteSize()]);

        // when: a different size in between forces new tables
        letterbox.apply(packed, first);
        letterbox.apply(synthetic(50, 200, 0), other);
        letterbox.apply(strided, second);

        // then
        assertThat(second.toArray(ValueLayout.JAVA_BYTE)).isEqualTo(first.toArray(ValueLayout.JAVA_BYTE));
    }

    @Test
    void writesThePaddingAgainWhenTheTargetOrThePlacementChanges() {
        // given: one target reused for a wide frame, a tall frame and the wide frame again, as a detector's
        // input tensor is reused frame after frame
        ModelInput input = new ModelInput(64, 64, ElementType.FLOAT32);
        Letterbox reused = new Letterbox(LetterboxStyle.ULTRALYTICS, input);
        MemorySegment target = MemorySegment.ofArray(new byte[(int) input.byteSize()]);
        BgrImage wide = synthetic(120, 40, 0);
        BgrImage tall = synthetic(30, 90, 0);

        // when / then: each result equals a fresh letterbox into a fresh target
        for (BgrImage image : List.of(wide, wide, tall, wide)) {
            reused.apply(image, target);
            MemorySegment fresh = MemorySegment.ofArray(new byte[(int) input.byteSize()]);
            new Letterbox(LetterboxStyle.ULTRALYTICS, input).apply(image, fresh);
            assertThat(target.toArray(ValueLayout.JAVA_BYTE)).isEqualTo(fresh.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void rejectsATargetTooSmallForTheInput() {
        // given
        ModelInput input = new ModelInput(64, 64, ElementType.FLOAT32);
        MemorySegment tooSmall = MemorySegment.ofArray(new byte[100]);

        // then
        assertThatThrownBy(() -> new Letterbox(LetterboxStyle.YOLOX, input).apply(uniform(8, 8, 0, 0, 0), tooSmall))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 bytes")
                .hasMessageContaining("needs 49152");
    }

    /** The pattern the reference hashes were made from: ((x² · 7 + y · 13 + c · 101 + x · y · 3) mod 256). */
    static BgrImage synthetic(int width, int height, int rowPadding) {
        int stride = width * 3 + rowPadding;
        byte[] pixels = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    long value = (long) x * x * 7 + y * 13L + c * 101L + (long) x * y * 3;
                    pixels[y * stride + x * 3 + c] = (byte) (value & 255);
                }
            }
        }
        return new BgrImage(width, height, stride, MemorySegment.ofArray(pixels));
    }

    static BgrImage uniform(int width, int height, int blue, int green, int red) {
        BgrImage image = BgrImage.allocate(width, height);
        for (long i = 0; i < (long) width * height; i++) {
            image.pixels().set(ValueLayout.JAVA_BYTE, i * 3, (byte) blue);
            image.pixels().set(ValueLayout.JAVA_BYTE, i * 3 + 1, (byte) green);
            image.pixels().set(ValueLayout.JAVA_BYTE, i * 3 + 2, (byte) red);
        }
        return image;
    }

    private static float floatAt(MemorySegment tensor, ModelInput input, int channel, int y, int x) {
        long index = ((long) channel * input.height() + y) * input.width() + x;
        return tensor.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, index);
    }
}
