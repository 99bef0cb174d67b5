package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FrameExtractorTests {

    @ParameterizedTest
    @CsvSource({"pets2009_vtest_480x360.mp4, 123", "overhead_pedestrians_1280x720.avi, 77", "street_cars_640x360.mp4, 60",
            "intersection_cctv_640x480.mp4, 0"})
    void returnsTheSamePixelsAsTheReaderAtThatIndex(String name, long index) {
        // given
        Path video = Footage.video(name);
        List<Footage.Seen> read = Footage.readAll(video, FrameSampling.everyNthFrame(index == 0 ? 1 : (int) index));
        Footage.Seen expected = read.stream().filter(s -> s.index() == index).findFirst().orElseThrow();

        // when
        VideoFrame byTime = new FrameExtractor().extract(video, index, expected.timestampMicros());
        VideoFrame byIndex = new FrameExtractor(1).extract(video, index);

        // then
        for (VideoFrame frame : List.of(byTime, byIndex)) {
            assertThat(frame.index()).isEqualTo(index);
            assertThat(frame.timestampMicros()).isEqualTo(expected.timestampMicros());
            assertThat(Footage.pixelHash(frame.image())).isEqualTo(expected.pixelHash());
            assertThat(frame.resized()).isFalse();
        }
    }

    @Test
    void anUndecodableOrMissingFrameIsAnError() {
        Path street = Footage.video("street_cars_640x360.mp4");
        assertThatThrownBy(() -> new FrameExtractor().extract(street, 5)).isInstanceOf(UndecodableFrameException.class);
        assertThatThrownBy(() -> new FrameExtractor().extract(Footage.video("intel_car-detection.mp4"), 400))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("there is no frame 400; the video has 377 frames");
    }
}
