package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FootageRendererTests {

    @TempDir
    Path dir;

    @Test
    void theSameInputsGiveTheSameFile() throws IOException {
        // when
        Path first = Footage.walking(320, 180, 25, 2, 0.5, 1.5).build().render(dir.resolve("a.mp4"));
        Path second = Footage.walking(320, 180, 25, 2, 0.5, 1.5).build().render(dir.resolve("b.mp4"));

        // then
        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    }

    @Test
    void rendersTheAskedSizeRateLengthAndGop() throws IOException {
        // when
        Path video = Footage.walking(480, 270, 30, 2, 0, 2).gop(15).build().render(dir.resolve("gop.mp4"));

        // then
        VideoInfo info = VideoProbe.probe(video);
        assertThat(info.width()).isEqualTo(480);
        assertThat(info.height()).isEqualTo(270);
        assertThat(info.fps()).isEqualTo(30.0);
        assertThat(info.frameCount()).isEqualTo(60);
        List<Footage.Seen> keys = Footage.readAll(video, FrameSampling.keyFramesOnly(), 32);
        assertThat(keys).extracting(Footage.Seen::index).containsExactly(0L, 15L, 30L, 45L);
    }

    @Test
    void mjpegAviHasOnlyKeyFrames() throws IOException {
        Path video = Footage.walking(160, 90, 10, 1, 0, 1).format(FootageRenderer.Format.MJPEG_AVI).build().render(dir.resolve("m.avi"));
        assertThat(Footage.readAll(video, FrameSampling.everyFrame(), 0)).hasSize(10).allMatch(Footage.Seen::keyFrame);
        assertThat(VideoProbe.probe(video).codec()).isEqualTo("mjpeg");
    }

    @Test
    void h265NeedsAnEncoderThisBuildMayNotHave() throws IOException {
        FootageRenderer renderer = Footage.walking(160, 90, 10, 1, 0, 1).format(FootageRenderer.Format.H265_MKV).build();
        if (FootageRenderer.Format.H265_MKV.available()) {
            assertThat(VideoProbe.probe(renderer.render(dir.resolve("h.mkv"))).codec()).isEqualTo("hevc");
        } else {
            assertThatThrownBy(() -> renderer.render(dir.resolve("h.mkv"))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot render H265_MKV: this FFmpeg build has no 'libx265' encoder");
        }
    }

    @Test
    void checksItsSettings() {
        assertThatThrownBy(() -> FootageRenderer.builder().size(4098, 2160)).hasMessageContaining("4096x2160");
        assertThatThrownBy(() -> FootageRenderer.builder().size(641, 360)).hasMessageContaining("even");
        assertThatThrownBy(() -> FootageRenderer.builder().fps(0)).hasMessageContaining("fps");
        assertThatThrownBy(() -> FootageRenderer.builder().build()).hasMessageContaining("background");
        assertThat(FootageRenderer.builder().size(4096, 2160)).isNotNull();
    }
}
