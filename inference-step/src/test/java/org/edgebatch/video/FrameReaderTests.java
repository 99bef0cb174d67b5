package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.edgebatch.video.Footage.Seen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameReaderTests {

    @TempDir
    static Path dir;

    static Path h264;
    static Path mjpeg;
    static Path mkv;
    static Path mov;

    @BeforeAll
    static void renderFootage() throws IOException {
        h264 = Footage.walking(320, 180, 25, 4, 0.5, 3.5).format(FootageRenderer.Format.H264_MP4).gop(12).build()
                .render(dir.resolve("walk.mp4"));
        mjpeg = Footage.walking(320, 180, 25, 3, 0.5, 2.5).format(FootageRenderer.Format.MJPEG_AVI).build()
                .render(dir.resolve("walk.avi"));
        mkv = Footage.walking(320, 180, 25, 3, 0.5, 2.5).format(FootageRenderer.Format.H264_MKV).gop(10).build()
                .render(dir.resolve("walk.mkv"));
        mov = Footage.walking(320, 180, 25, 3, 0.5, 2.5).format(FootageRenderer.Format.H264_MOV).gop(10).build()
                .render(dir.resolve("walk.mov"));
    }

    /**
     * PROVENANCE.md counts come from the containers. Two differ from what decoding gives, for reasons
     * in the files themselves: the AVI's "682" is its stream length in 1/50 s units (341 frames of
     * 40 ms = 13.64 s), and the street mp4 has 754 samples of which its edit list shows 753; its first
     * 19 come before any key frame, so FFmpeg cannot decode them.
     */
    @ParameterizedTest
    @CsvSource({
            "intersection_cctv_640x480.mp4, 909, 0, 0, 908",
            "street_cars_640x360.mp4, 734, 19, 19, 752",
            "pets2009_vtest_480x360.mp4, 795, 0, 0, 794",
            "overhead_pedestrians_1280x720.avi, 341, 0, 0, 340",
            "intel_car-detection.mp4, 377, 0, 0, 376"})
    void decodesEveryFrameOfTheRealClips(String name, int decoded, int undecodable, long firstIndex, long lastIndex) {
        // when
        List<Seen> seen = Footage.readAll(Footage.video(name), FrameSampling.everyFrame(), 96);

        // then
        List<Seen> frames = seen.stream().filter(s -> !s.undecodable()).toList();
        assertThat(frames).hasSize(decoded);
        assertThat(seen.stream().filter(Seen::undecodable).map(Seen::index).toList())
                .containsExactlyElementsOf(LongStream.range(0, undecodable).boxed().toList());
        assertThat(frames.getFirst().index()).isEqualTo(firstIndex);
        assertThat(frames.getLast().index()).isEqualTo(lastIndex);
        assertThat(seen).extracting(Seen::index).isSorted().doesNotHaveDuplicates();
        assertThat(seen).extracting(Seen::timestampMicros).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"intersection_cctv_640x480.mp4", "street_cars_640x360.mp4", "pets2009_vtest_480x360.mp4",
            "overhead_pedestrians_1280x720.avi", "intel_car-detection.mp4"})
    void aRestartReturnsTheFramesAnUninterruptedReadWouldHaveReturned(String name) {
        assertRestartsMatch(Footage.video(name), FrameSampling.everyFrame(), 120, new int[] {0, 1, 12, 61, 99}, 20);
    }

    @Test
    void restartsMatchOnGeneratedH264Mp4MjpegAviMkvAndMov() {
        assertRestartsMatch(h264, FrameSampling.everyFrame(), 100, new int[] {0, 11, 12, 13, 50, 98}, 20);
        assertRestartsMatch(mjpeg, FrameSampling.everyFrame(), 75, new int[] {0, 10, 40, 73}, 20);
        assertRestartsMatch(mkv, FrameSampling.everyFrame(), 75, new int[] {0, 9, 10, 44}, 20);
        assertRestartsMatch(mov, FrameSampling.everyFrame(), 75, new int[] {0, 9, 10, 44}, 20);
    }

    @Test
    void restartsKeepTheSampling() {
        assertRestartsMatch(Footage.video("street_cars_640x360.mp4"), FrameSampling.targetFps(3), 60, new int[] {0, 7, 31}, 15);
        assertRestartsMatch(h264, FrameSampling.everyNthFrame(7), 14, new int[] {0, 3, 9}, 4);
        assertRestartsMatch(Footage.video("pets2009_vtest_480x360.mp4"), FrameSampling.keyFramesOnly(), 13, new int[] {0, 4, 9}, 3);
    }

    /** Reads {@code total} frames straight, then opens a new reader at the position after each of {@code after} and compares. */
    private static void assertRestartsMatch(Path video, FrameSampling sampling, int total, int[] after, int compare) {
        // given
        List<VideoPosition> positions = new ArrayList<>();
        List<Seen> expected;
        try (FrameReader straight = FrameReader.builder(video).sampling(sampling).open()) {
            expected = Footage.read(straight, total, positions);
        }
        for (int position : after) {
            // when
            List<Seen> actual;
            try (FrameReader restarted = FrameReader.builder(video).sampling(sampling).build()) {
                restarted.open(positions.get(position));
                actual = Footage.read(restarted, compare, null);
            }

            // then
            int end = Math.min(expected.size(), position + 1 + compare);
            assertThat(actual).as("%s restarted after read #%d", video.getFileName(), position)
                    .startsWith(expected.subList(position + 1, end).toArray(Seen[]::new));
        }
    }

    @Test
    void everyNthFramePicksMultiplesOfN() {
        // when
        List<Seen> seen = Footage.readAll(h264, FrameSampling.everyNthFrame(7));

        // then
        assertThat(seen).extracting(Seen::index).containsExactly(0L, 7L, 14L, 21L, 28L, 35L, 42L, 49L, 56L, 63L, 70L, 77L, 84L, 91L, 98L);
    }

    @Test
    void targetFpsPicksOneFrameInEachSlotOfTime() {
        // when: 25 fps footage at 5 fps, and a clip whose timestamps jitter (7.9 to 11.9 ms apart) at 2 fps
        List<Seen> even = Footage.readAll(h264, FrameSampling.targetFps(5));
        List<Seen> jittered = Footage.readAll(Footage.video("street_cars_640x360.mp4"), FrameSampling.targetFps(2), 96);

        // then
        assertThat(even).extracting(Seen::index).containsExactlyElementsOf(LongStream.range(0, 20).map(i -> i * 5).boxed().toList());
        Map<Long, Long> perSlot = jittered.stream().collect(Collectors.groupingBy(s -> s.timestampMicros() / 500_000, Collectors.counting()));
        assertThat(perSlot.values()).containsOnly(1L);
        assertThat(jittered).hasSizeBetween(148, 151);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets2009_vtest_480x360.mp4", "overhead_pedestrians_1280x720.avi", "street_cars_640x360.mp4"})
    void keyFramesOnlyDecodesOnlyKeyFramesWithTheSameIndicesAndPixels(String name) {
        // given
        Path video = Footage.video(name);
        Map<Long, Seen> all = Footage.readAll(video, FrameSampling.everyFrame(), 160).stream()
                .collect(Collectors.toMap(Seen::index, s -> s));

        // when
        FrameReader reader = FrameReader.builder(video).sampling(FrameSampling.keyFramesOnly()).maxWidth(160).build();
        List<Seen> keys;
        try (reader) {
            reader.open();
            keys = Footage.read(reader, Integer.MAX_VALUE, null);
        }

        // then
        assertThat(keys).isNotEmpty().allMatch(Seen::keyFrame).noneMatch(Seen::undecodable);
        assertThat(keys).allSatisfy(key -> assertThat(key).isEqualTo(all.get(key.index())));
        assertThat(all.values().stream().filter(Seen::keyFrame).count()).isEqualTo(keys.size());
        assertThat(reader.statistics().picturesDecoded()).isEqualTo(keys.size());
    }

    @Test
    void keyFramesOfGeneratedFootageFollowTheGop() {
        // when
        FrameReader reader = FrameReader.builder(h264).sampling(FrameSampling.keyFramesOnly()).build();
        List<Seen> keys;
        try (reader) {
            reader.open();
            keys = Footage.read(reader, Integer.MAX_VALUE, null);
        }

        // then
        assertThat(keys).extracting(Seen::index).containsExactly(0L, 12L, 24L, 36L, 48L, 60L, 72L, 84L, 96L);
        assertThat(reader.statistics().packetsRead()).isEqualTo(100);
        assertThat(reader.statistics().picturesDecoded()).isEqualTo(9);
    }

    @Test
    void scalesFramesDownToMaxWidthAndKeepsTheDecodedSize() {
        // given
        try (FrameReader reader = FrameReader.builder(Footage.video("overhead_pedestrians_1280x720.avi")).maxWidth(640)
                .videoId("hall").decoderThreads(1).open()) {
            // when
            VideoFrame frame = reader.read();

            // then
            assertThat(frame.video()).isEqualTo("hall");
            assertThat(frame.image().width()).isEqualTo(640);
            assertThat(frame.image().height()).isEqualTo(360);
            assertThat(frame.sourceWidth()).isEqualTo(1280);
            assertThat(frame.resized()).isTrue();
            assertThat(frame.scaleX()).isEqualTo(2.0);
            assertThat(reader.videoInfo().fps()).isEqualTo(25.0);
        }
    }

    @Test
    void itsPositionIsTheLastReturnedFrame() {
        // given
        try (FrameReader reader = FrameReader.builder(h264).videoId("cam-1").open()) {
            assertThat(reader.position()).isEqualTo(VideoPosition.start("cam-1"));
            reader.read();
            reader.read();

            // when
            VideoFrame third = reader.read();

            // then
            VideoPosition position = reader.position();
            assertThat(position.video()).isEqualTo("cam-1");
            assertThat(position.frameIndex()).isEqualTo(2).isEqualTo(third.index());
            assertThat(position.timestampMicros()).isEqualTo(third.timestampMicros()).isEqualTo(80_000);
            assertThat(position.lastConsumedIndex()).isEqualTo(2);
        }
    }

    @Test
    void undecodableFramesMoveThePositionSoAReaderOpenedThereDoesNotReportThemAgain() {
        // given: the street clip's first 19 frames come before any key frame
        Path street = Footage.video("street_cars_640x360.mp4");
        VideoPosition afterThree;
        try (FrameReader reader = FrameReader.builder(street).maxWidth(96).open()) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(reader::read).isInstanceOf(UndecodableFrameException.class);
            }
            afterThree = reader.position();
        }

        // when
        try (FrameReader reopened = FrameReader.builder(street).maxWidth(96).build()) {
            reopened.open(afterThree);

            // then
            assertThat(afterThree.hasReturnedFrame()).isFalse();
            assertThat(afterThree.lastConsumedIndex()).isEqualTo(2);
            assertThatThrownBy(reopened::read).isInstanceOfSatisfying(UndecodableFrameException.class,
                    e -> assertThat(e.frameIndex()).isEqualTo(3));
        }
    }

    @Test
    void refusesAPositionSavedForAnotherVideo() {
        // given
        VideoPosition elsewhere = new VideoPosition("other.mp4", 3, 120_000, 3, 3);
        FrameReader reader = FrameReader.builder(h264).videoId("this.mp4").build();

        // when / then
        assertThatThrownBy(() -> reader.open(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.mp4").hasMessageContaining("this.mp4");
    }

    @Test
    void refusesToReadBeforeOpenAndToOpenTwice() {
        try (FrameReader reader = FrameReader.builder(h264).build()) {
            assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
            reader.open();
            assertThatThrownBy(reader::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("already open");
        }
    }

    @Test
    void anUnreadableFrameIsSkippableAndReadingGoesOn() throws IOException {
        // given: the JPEG of frame 10 of an MJPEG AVI zeroed (chunk headers kept)
        Path damaged = dir.resolve("damaged.avi");
        byte[] bytes = java.nio.file.Files.readAllBytes(mjpeg);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < bytes.length && starts.size() < 12; i++) {
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xd8 && (bytes[i + 2] & 0xff) == 0xff) {
                starts.add(i);
            }
        }
        java.util.Arrays.fill(bytes, starts.get(10), starts.get(11) - 16, (byte) 0);
        java.nio.file.Files.write(damaged, bytes);

        // when
        List<Seen> seen = Footage.readAll(damaged, FrameSampling.everyFrame());

        // then
        assertThat(seen).hasSize(75);
        assertThat(seen.stream().filter(Seen::undecodable).map(Seen::index).toList()).containsExactly(10L);
        assertThat(seen.get(11).index()).isEqualTo(11);
    }

    @Test
    void theUndecodableFrameExceptionNamesVideoAndFrame() {
        // given
        try (FrameReader reader = FrameReader.builder(Footage.video("street_cars_640x360.mp4")).videoId("street").open()) {
            // when / then
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(UndecodableFrameException.class, e -> {
                assertThat(e.frameIndex()).isZero();
                assertThat(e.video()).isEqualTo("street");
                assertThat(e.getMessage()).contains("street: frame 0 at 0.000 s could not be decoded");
            });
        }
    }
}
