package org.edgebatch.step;

import static org.assertj.core.api.Assertions.assertThat;

import org.edgebatch.detect.BgrImage;
import org.edgebatch.video.MotionGate;
import org.edgebatch.video.VideoFrame;
import org.junit.jupiter.api.Test;

class MotionGateProcessorTests {

    private static VideoFrame frame(long index, int grey) {
        BgrImage image = BgrImage.allocate(32, 18);
        image.pixels().fill((byte) grey);
        return new VideoFrame("v", index, index * 40_000L, index == 0, image, 32, 18);
    }

    @Test
    void aFrameWithoutMotionIsFilteredAndOneWithMotionPasses() throws Exception {
        // given
        MotionGate gate = new MotionGate();
        MotionGateProcessor processor = new MotionGateProcessor(gate);
        VideoFrame first = frame(0, 100);
        VideoFrame still = frame(1, 100);
        VideoFrame changed = frame(2, 200);

        // when / then
        assertThat(processor.process(first)).isSameAs(first);
        assertThat(processor.process(still)).isNull();
        assertThat(processor.process(changed)).isSameAs(changed);
        assertThat(gate.counts()).isEqualTo(new MotionGate.Counts(3, 2, 1));
    }
}
