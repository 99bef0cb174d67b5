package org.edgebatch.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RedactorTests {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 120;

    @ParameterizedTest
    @EnumSource(RedactStyle.class)
    void flattensTheBoxAndLeavesEveryOtherPixelAlone(RedactStyle style) {
        // given: a noisy frame with one person box
        BgrImage original = noise(WIDTH, HEIGHT, 1);
        BgrImage image = original.copy();
        Detection person = box("person", 40, 30, 100, 110);

        // when
        List<RedactRegion> regions = new Redactor(Set.of("person"), style, RedactMargin.fraction(0)).redact(image, List.of(person));

        // then
        assertThat(regions).containsExactly(new RedactRegion(40, 30, 100, 110));
        assertThat(variance(image, regions.getFirst())).isLessThan(0.2 * variance(original, regions.getFirst()));
        assertUnchangedOutside(original, image, regions);
    }

    @Test
    void aFractionalMarginGrowsTheBoxByItsSize() {
        BgrImage original = noise(WIDTH, HEIGHT, 2);
        BgrImage image = original.copy();

        // when: a 40x20 box with a quarter of its size on every side
        List<RedactRegion> regions = new Redactor(Set.of("person"), RedactStyle.BLUR, RedactMargin.parse("0.25"))
                .redact(image, List.of(box("person", 80, 50, 120, 70)));

        // then
        assertThat(regions).containsExactly(new RedactRegion(70, 45, 130, 75));
        assertThat(image.sample(71, 46, 0)).isNotEqualTo(original.sample(71, 46, 0));
        assertUnchangedOutside(original, image, regions);
    }

    @Test
    void aMarginInPixelsIsClippedAtTheImageEdges() {
        BgrImage original = noise(WIDTH, HEIGHT, 3);
        BgrImage image = original.copy();

        // when: boxes touching the top-left and bottom-right corners, 8 px margin
        List<RedactRegion> regions = new Redactor(Set.of("person"), RedactStyle.PIXELATE, RedactMargin.parse("8px"))
                .redact(image, List.of(box("person", 2, 3, 30, 40), box("person", 180.5f, 100.2f, 199.9f, 119.9f)));

        // then
        assertThat(regions).containsExactly(new RedactRegion(0, 0, 38, 48), new RedactRegion(172, 92, WIDTH, HEIGHT));
        for (RedactRegion region : regions) {
            assertThat(variance(image, region)).isLessThan(0.2 * variance(original, region));
        }
        assertUnchangedOutside(original, image, regions);
    }

    @Test
    void overlappingBoxesAreBlurredAsOneRegion() {
        BgrImage original = noise(WIDTH, HEIGHT, 5);
        BgrImage image = original.copy();

        // when: two people side by side, their regions overlapping, and one apart
        List<RedactRegion> regions = new Redactor(Set.of("person"), RedactStyle.BLUR, RedactMargin.pixels(2)).redact(image,
                List.of(box("person", 20, 20, 60, 100), box("person", 58, 30, 90, 110), box("person", 150, 10, 170, 40)));

        // then
        assertThat(regions).containsExactly(new RedactRegion(18, 18, 92, 112), new RedactRegion(148, 8, 172, 42));
        assertThat(variance(image, regions.getFirst())).isLessThan(0.2 * variance(original, regions.getFirst()));
        assertUnchangedOutside(original, image, regions);
    }

    @Test
    void otherClassesAndBoxesOutsideTheImageAreLeftAlone() {
        BgrImage original = noise(WIDTH, HEIGHT, 4);
        BgrImage image = original.copy();

        List<RedactRegion> regions = new Redactor(Set.of("Person"), RedactStyle.BLUR, RedactMargin.fraction(0.1))
                .redact(image, List.of(box("car", 10, 10, 90, 90), box("person", 250, 10, 300, 50)));

        assertThat(regions).isEmpty();
        assertUnchangedOutside(original, image, List.of());
    }

    @Test
    void aUniformBoxStaysTheSameColour() {
        // given: mid grey (a mean of equal values must not drift by rounding)
        BgrImage image = BgrImage.allocate(64, 64);
        image.pixels().fill((byte) 0x80);

        new Redactor(Set.of("person"), RedactStyle.BLUR, RedactMargin.fraction(0)).redact(image, List.of(box("person", 5, 5, 60, 60)));

        assertThat(image.sample(30, 30, 1)).isEqualTo(0x80);
        assertThat(image.sample(5, 5, 2)).isEqualTo(0x80);
    }

    @Test
    void marginsAreReadAsAFractionOrPixels() {
        assertThat(RedactMargin.parse("0.1")).isEqualTo(RedactMargin.fraction(0.1));
        assertThat(RedactMargin.parse(" 12px ")).isEqualTo(RedactMargin.pixels(12));
        assertThatThrownBy(() -> RedactMargin.parse("wide")).hasMessage("must be " + RedactMargin.FORMS + ", was 'wide'");
        assertThatThrownBy(() -> RedactMargin.parse("1.5")).hasMessageContaining("was '1.5'");
        assertThatThrownBy(() -> RedactMargin.parse("-3px")).hasMessageContaining("was '-3px'");
        assertThatThrownBy(() -> RedactMargin.parse("2.5px")).hasMessageContaining("was '2.5px'");
    }

    @Test
    void stylesAreNamedInLowerCase() {
        assertThat(RedactStyle.byName("Pixelate")).isEqualTo(RedactStyle.PIXELATE);
        assertThatThrownBy(() -> RedactStyle.byName("smear")).hasMessage("unknown redaction style 'smear'; known: blur, pixelate");
    }

    static Detection box(String label, float x1, float y1, float x2, float y2) {
        return new Detection(0, label, 0.9f, x1, y1, x2, y2);
    }

    static BgrImage noise(int width, int height, long seed) {
        BgrImage image = BgrImage.allocate(width, height);
        byte[] bytes = new byte[width * height * 3];
        new Random(seed).nextBytes(bytes);
        java.lang.foreign.MemorySegment.copy(java.lang.foreign.MemorySegment.ofArray(bytes), 0, image.pixels(), 0, bytes.length);
        return image;
    }

    /** The variance of the region's samples, the mean over the three channels. */
    static double variance(BgrImage image, RedactRegion region) {
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

    static void assertUnchangedOutside(BgrImage original, BgrImage image, List<RedactRegion> regions) {
        for (int y = 0; y < original.height(); y++) {
            for (int x = 0; x < original.width(); x++) {
                int px = x;
                int py = y;
                if (regions.stream().anyMatch(region -> region.contains(px, py))) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    if (image.sample(x, y, c) != original.sample(x, y, c)) {
                        throw new AssertionError("pixel " + x + "," + y + " outside every region changed");
                    }
                }
            }
        }
    }
}
