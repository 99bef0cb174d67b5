package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoProbeTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "intersection_cctv_640x480.mp4, mp4, h264, 640, 480, 30.0, 909, true, 30.3, 3217375",
            "street_cars_640x360.mp4, mp4, h264, 640, 360, 10.03, 753, true, 75.086, 2160675",
            "pets2009_vtest_480x360.mp4, mp4, h264, 480, 360, 10.0, 795, true, 79.5, 3558640",
            "overhead_pedestrians_1280x720.avi, avi, h264, 1280, 720, 25.0, 341, true, 13.64, 3022520",
            "intel_car-detection.mp4, mp4, h264, 768, 432, 12.5, 377, true, 30.16, 2811553"})
    void reportsWhatTheRealClipsAre(String name, String container, String codec, int width, int height, double fps,
                                    long frames, boolean exact, double seconds, long bytes) {
        // when
        VideoInfo info = VideoProbe.probe(Footage.video(name));

        // then
        assertThat(info.container()).isEqualTo(container);
        assertThat(info.codec()).isEqualTo(codec);
        assertThat(info.width()).isEqualTo(width);
        assertThat(info.height()).isEqualTo(height);
        assertThat(info.fps()).isCloseTo(fps, within(0.01));
        assertThat(info.frameCount()).isEqualTo(frames);
        assertThat(info.frameCountExact()).isEqualTo(exact);
        assertThat(info.durationSeconds()).isCloseTo(seconds, within(0.001));
        assertThat(info.bytes()).isEqualTo(bytes);
    }

    @Test
    void estimatesTheFrameCountOfMatroska() throws IOException {
        // given
        Path mkv = Footage.walking(160, 90, 20, 2, 0, 1).format(FootageRenderer.Format.H264_MKV).build().render(dir.resolve("a.mkv"));

        // when
        VideoInfo info = VideoProbe.probe(mkv);

        // then
        assertThat(info.container()).isEqualTo("matroska");
        assertThat(info.frameCount()).isEqualTo(40);
        assertThat(info.frameCountExact()).isFalse();
    }

    @Test
    void probeAllProbesSeveralAtOnceAndKeepsTheirOrderWithEachFailureInItsPlace() throws IOException {
        // given: every sample clip, with an empty file among them
        List<Path> files = new java.util.ArrayList<>(List.of(Footage.video("intersection_cctv_640x480.mp4"),
                Footage.video("street_cars_640x360.mp4"), Footage.video("pets2009_vtest_480x360.mp4")));
        files.add(1, Files.createFile(dir.resolve("empty.mp4")));

        // when
        List<VideoProbe.Probed> probed = VideoProbe.probeAll(files);

        // then
        assertThat(probed).extracting(VideoProbe.Probed::file).containsExactlyElementsOf(files);
        assertThat(probed.get(1).failure()).isInstanceOf(VideoFormatException.class);
        assertThat(probed.get(1).info()).isNull();
        for (int i : new int[] {0, 2, 3}) {
            assertThat(probed.get(i).infoOrThrow()).isEqualTo(VideoProbe.probe(files.get(i)));
        }
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.mp4");
        assertThatThrownBy(() -> VideoProbe.probe(missing)).isInstanceOf(VideoFormatException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void anEmptyFileIsNamed() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> VideoProbe.probe(empty)).isInstanceOf(VideoFormatException.class)
                .hasMessage(empty + ": empty file (0 bytes)");
    }

    @Test
    void aTextFileIsNotAVideo() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "Not a video at all, just some words.\n".repeat(40));
        assertThatThrownBy(() -> VideoProbe.probe(text)).isInstanceOf(VideoFormatException.class)
                .hasMessageStartingWith(text + ": not a ").hasMessageContaining("FFmpeg");
    }

    @Test
    void aJpegIsAStillImageNotAVideo() {
        Path jpeg = SharedData.image("bus.jpg");
        assertThatThrownBy(() -> VideoProbe.probe(jpeg)).isInstanceOf(VideoFormatException.class)
                .hasMessageStartingWith(jpeg + ": not a video container: FFmpeg reads it as 'image2' (a still image");
    }

    @Test
    void anMp4CutBeforeItsMoovAtomIsExplained() throws IOException {
        // given: a plain (not faststart) mp4 keeps its moov atom at the end, so cutting it loses the index
        Path whole = Footage.walking(160, 90, 20, 2, 0, 1).build().render(dir.resolve("whole.mp4"));
        Path cut = dir.resolve("cut.mp4");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        // when / then
        assertThatThrownBy(() -> VideoProbe.probe(cut)).isInstanceOf(VideoFormatException.class)
                .hasMessageStartingWith(cut + ": an mp4/mov file without a moov atom")
                .hasMessageContaining("Invalid data found when processing input");
    }
}
