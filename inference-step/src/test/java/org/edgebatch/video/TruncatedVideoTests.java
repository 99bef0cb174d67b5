package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FFmpeg reads a file cut short up to where its data stops and then reports an ordinary end of file
 * (the mp4 demuxer logs "partial file", the Matroska one "File ended prematurely", the AVI one
 * marks the last partial packet corrupt). The reader must fail such a file, not finish it.
 */
class TruncatedVideoTests {

    @TempDir
    static Path dir;

    static Path faststart;
    static Path plain;
    static Path avi;
    static Path mkv;

    @BeforeAll
    static void render() throws IOException {
        faststart = Footage.walking(320, 180, 25, 4, 1, 3).faststart(true).gop(25).build().render(dir.resolve("fast.mp4"));
        plain = Footage.walking(320, 180, 25, 4, 1, 3).gop(25).build().render(dir.resolve("plain.mp4"));
        avi = Footage.walking(320, 180, 25, 4, 1, 3).format(FootageRenderer.Format.MJPEG_AVI).build().render(dir.resolve("m.avi"));
        mkv = Footage.walking(320, 180, 25, 4, 1, 3).format(FootageRenderer.Format.H264_MKV).gop(25).build().render(dir.resolve("k.mkv"));
    }

    @ParameterizedTest
    @CsvSource({"fast.mp4, 0.5", "fast.mp4, 0.1", "m.avi, 0.5", "m.avi, 0.1", "k.mkv, 0.5", "k.mkv, 0.1"})
    void aFileCutShortFailsAfterItsReadableFrames(String name, double fraction) throws IOException {
        // given
        Path cut = cut(dir.resolve(name), fraction);
        FrameReader reader = FrameReader.builder(cut).open();
        List<Long> frames = new ArrayList<>();

        // when
        Throwable failure = null;
        try {
            while (true) {
                try {
                    VideoFrame frame = reader.read();
                    if (frame == null) {
                        break;
                    }
                    frames.add(frame.index());
                } catch (UndecodableFrameException e) {
                    // the last, partly present frame
                }
            }
        } catch (TruncatedVideoException e) {
            failure = e;
        } finally {
            reader.close();
        }

        // then
        assertThat(failure).isInstanceOf(TruncatedVideoException.class)
                .hasMessageStartingWith(cut + ": truncated: the video data ends at ")
                .hasMessageContaining("but the container declares 4.000 s")
                .hasMessageContaining("FFmpeg reported it as an ordinary end of file");
        TruncatedVideoException truncated = (TruncatedVideoException) failure;
        assertThat(truncated.endMicros()).isLessThan(Math.round(4_000_000 * Math.min(0.9, fraction + 0.35)));
        assertThat(frames).hasSizeLessThan(100);
        if (!frames.isEmpty()) {
            assertThat(frames.getLast() * 40_000).isLessThan(truncated.endMicros());
        }
    }

    @Test
    void aWholeFileEndsNormally() {
        assertThat(Footage.readAll(faststart, FrameSampling.everyFrame(), 64)).hasSize(100);
        assertThat(Footage.readAll(mkv, FrameSampling.everyFrame(), 64)).hasSize(100);
    }

    @Test
    void anMp4WithItsIndexAtTheEndCannotBeOpenedOnceCut() throws IOException {
        Path cut = cut(plain, 0.5);
        FrameReader reader = FrameReader.builder(cut).build();
        assertThatThrownBy(() -> reader.open()).isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("without a moov atom");
    }

    private static Path cut(Path whole, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = whole.resolveSibling("cut" + Math.round(fraction * 100) + "-" + whole.getFileName());
        Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return cut;
    }
}
