package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorInfoTests {

    @Test
    void countsElementsAndBytesOfAStaticShape() {
        // given
        TensorInfo images = new TensorInfo("images", ElementType.FLOAT16, new long[] {1, 3, 640, 640});

        // when / then
        assertThat(images.isStatic()).isTrue();
        assertThat(images.elementCount()).isEqualTo(1_228_800);
        assertThat(images.byteSize()).isEqualTo(2_457_600);
        assertThat(new TensorInfo("scalar", ElementType.UINT8, new long[0]).elementCount()).isEqualTo(1);
    }

    @Test
    void aDynamicShapeHasNoElementCount() {
        // given
        TensorInfo dynamic = new TensorInfo("x", ElementType.FLOAT32, new long[] {-1, 3, -1, -1});

        // when / then
        assertThat(dynamic.isStatic()).isFalse();
        assertThatThrownBy(dynamic::elementCount)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'x' has the dynamic shape [-1, 3, -1, -1]");
        assertThat(dynamic.withShape(new long[] {2, 3, 4, 5}).byteSize()).isEqualTo(480);
    }

    @Test
    void theShapeIsCopiedInAndOutAndComparedByValue() {
        // given
        long[] shape = {1, 4};
        TensorInfo info = new TensorInfo("y", ElementType.FLOAT32, shape);

        // when
        shape[0] = 99;
        info.shape()[1] = 99;

        // then
        assertThat(info.shape()).containsExactly(1, 4);
        assertThat(info).isEqualTo(new TensorInfo("y", ElementType.FLOAT32, new long[] {1, 4}))
                .hasSameHashCodeAs(new TensorInfo("y", ElementType.FLOAT32, new long[] {1, 4}));
        assertThat(info.toString()).isEqualTo("y:FLOAT32[1, 4]");
    }

    @Test
    void invalidDimensionsAndSizelessTypesAreRefused() {
        assertThatThrownBy(() -> new TensorInfo("z", ElementType.FLOAT32, new long[] {-2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'z'");
        assertThatThrownBy(() -> new TensorInfo("s", ElementType.STRING, new long[] {2}).byteSize())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STRING");
    }
}
