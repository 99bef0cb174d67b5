package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipWriterTests {

    @TempDir
    Path dir;

    @Test
    void writesTheEventWithItsPadding() throws IOException {
        // given
        Path video = Footage.walking(320, 180, 25, 6, 1, 5).gop(25).build().render(dir.resolve("walk.mp4"));

        // when: the event 2.0 s .. 3.0 s with 0.5 s either side
        ClipWriter.Clip clip = new ClipWriter().write(video, 2_000_000, 3_000_000, 500_000, dir.resolve("clips/event.mp4"));

        // then
        assertThat(clip.startMicros()).isEqualTo(1_520_000);
        assertThat(clip.endMicros()).isEqualTo(3_480_000);
        assertThat(clip.frames()).isEqualTo(50);
        VideoInfo info = VideoProbe.probe(clip.file());
        assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.05));
        assertThat(info.frameCount()).isEqualTo(50);
        assertThat(info.codec()).isEqualTo("h264");
    }

    @Test
    void clipsARealRecording() throws IOException {
        // when
        ClipWriter.Clip clip = new ClipWriter().write(Footage.video("intel_car-detection.mp4"), 10_000_000, 12_000_000, 1_000_000,
                dir.resolve("car.mp4"));

        // then
        assertThat(VideoProbe.probe(clip.file()).durationSeconds()).isCloseTo(4.0, within(0.1));
        assertThat(clip.frames()).isEqualTo(50);
    }

    @Test
    void refusesAnUpsideDownRange() {
        assertThatThrownBy(() -> new ClipWriter().write(Footage.video("intel_car-detection.mp4"), 5_000_000, 4_000_000, 0,
                dir.resolve("x.mp4"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start <= end");
    }
}
