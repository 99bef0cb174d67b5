package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VideoPositionTests {

    @Test
    void theStartHasReadNothing() {
        VideoPosition start = VideoPosition.start("cam-1");

        assertThat(start.atStart()).isTrue();
        assertThat(start.hasReturnedFrame()).isFalse();
        assertThat(start.frameIndex()).isEqualTo(-1);
    }

    @Test
    void undecodableFramesReadBeforeAnyReturnedOneLeaveTheStart() {
        VideoPosition afterUndecodable = new VideoPosition("cam-1", -1, 0, 0, 4);

        assertThat(afterUndecodable.atStart()).isFalse();
        assertThat(afterUndecodable.hasReturnedFrame()).isFalse();
    }

    @Test
    void refusesAPositionThatCannotBe() {
        assertThatThrownBy(() -> new VideoPosition("cam-1", 7, 280_000, 7, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lastConsumedIndex (6)");
        assertThatThrownBy(() -> new VideoPosition("cam-1", -2, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frameIndex");
        assertThatThrownBy(() -> new VideoPosition(null, -1, 0, 0, -1)).isInstanceOf(NullPointerException.class);
    }
}
