package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.detect.BgrImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"street_cars_640x360.mp4", "pets2009_vtest_480x360.mp4", "intersection_cctv_640x480.mp4",
            "intel_car-detection.mp4", "overhead_pedestrians_1280x720.avi"})
    void clipsOfTheSampleRecordingsDecodeCleanly(String name) throws IOException {
        // when
        ClipWriter.Clip clip = new ClipWriter().write(Footage.video(name), 5_000_000, 7_000_000, 1_000_000, dir.resolve("clip.mp4"));

        // then: every frame written comes back, none undecodable, in order
        List<Footage.Seen> seen = Footage.readAll(clip.file(), FrameSampling.everyFrame());
        assertThat(seen).hasSize(clip.frames()).noneMatch(Footage.Seen::undecodable);
        assertThat(seen).extracting(Footage.Seen::timestampMicros).isSorted().doesNotHaveDuplicates();
        assertThat(seen.getFirst().timestampMicros()).isZero();
        assertThat(VideoProbe.probe(clip.file()).frameCount()).isEqualTo(clip.frames());
    }

    @Test
    void aLongClipOfTheStreetRecordingKeepsEveryFrame() throws IOException {
        // when: a minute of a 10.04 fps recording (its rate is not a round number)
        ClipWriter.Clip clip = new ClipWriter().write(Footage.video("street_cars_640x360.mp4"), 5_000_000, 65_000_000, 0,
                dir.resolve("street.mp4"));

        // then
        List<Footage.Seen> seen = Footage.readAll(clip.file(), FrameSampling.everyFrame(), 160);
        assertThat(seen).hasSize(clip.frames()).noneMatch(Footage.Seen::undecodable);
        assertThat(seen).extracting(Footage.Seen::timestampMicros).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFilteredCopyHasTheSameFramesWithTheFilterApplied() throws IOException {
        // given: a filter blacking out the top-left quarter, that notes the frames it saw
        Path video = Footage.walking(320, 180, 25, 4, 1, 3).gop(25).build().render(dir.resolve("walk.mp4"));
        List<Long> filteredFrames = new ArrayList<>();
        ClipWriter.FrameFilter blackout = (index, micros, image) -> {
            filteredFrames.add(index);
            for (int y = 0; y < image.height() / 2; y++) {
                image.pixels().asSlice((long) y * image.rowStride(), image.width() / 2 * 3L).fill((byte) 0);
            }
        };

        // when
        ClipWriter.Clip clip = new ClipWriter().write(video, 1_000_000, 2_000_000, 0, dir.resolve("plain.mp4"),
                dir.resolve("redacted/plain.mp4"), blackout);

        // then
        assertThat(filteredFrames).hasSize(clip.frames()).isSorted().doesNotHaveDuplicates();
        try (FrameReader plain = FrameReader.builder(clip.file()).open();
             FrameReader filtered = FrameReader.builder(dir.resolve("redacted/plain.mp4")).open()) {
            int frames = 0;
            for (VideoFrame a = plain.read(), b = filtered.read(); a != null; a = plain.read(), b = filtered.read()) {
                assertThat(b).isNotNull();
                assertThat(b.timestampMicros()).isEqualTo(a.timestampMicros());
                assertThat(meanLuma(b.image(), 10, 10, 150, 80)).isLessThan(20);
                assertThat(meanLuma(a.image(), 10, 10, 150, 80)).isGreaterThan(40);
                assertThat(Math.abs(meanLuma(b.image(), 170, 100, 310, 170) - meanLuma(a.image(), 170, 100, 310, 170))).isLessThan(3);
                frames++;
            }
            assertThat(filtered.read()).isNull();
            assertThat(frames).isEqualTo(clip.frames());
        }
    }

    private static double meanLuma(BgrImage image, int x1, int y1, int x2, int y2) {
        double sum = 0;
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                sum += (image.sample(x, y, 0) + image.sample(x, y, 1) + image.sample(x, y, 2)) / 3.0;
            }
        }
        return sum / ((x2 - x1) * (y2 - y1));
    }
}
