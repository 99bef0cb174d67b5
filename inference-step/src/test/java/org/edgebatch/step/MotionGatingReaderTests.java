package org.edgebatch.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.video.MotionGate;
import org.edgebatch.video.VideoFrame;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

class MotionGatingReaderTests {

    /** Ten still frames at 10 fps with one frame of a white square in the middle (frame 5). */
    private static List<VideoFrame> frames() {
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BgrImage image = BgrImage.allocate(160, 90);
            if (i == 5) {
                for (int y = 30; y < 60; y++) {
                    for (int x = 60; x < 100; x++) {
                        for (int c = 0; c < 3; c++) {
                            image.pixels().set(java.lang.foreign.ValueLayout.JAVA_BYTE, (long) y * image.rowStride() + x * 3L + c, (byte) 255);
                        }
                    }
                }
            }
            frames.add(new VideoFrame("v", i, i * 100_000L, i == 0, image, 160, 90));
        }
        return frames;
    }

    private static ItemStreamReader<VideoFrame> reading(List<VideoFrame> frames) {
        Iterator<VideoFrame> next = frames.iterator();
        return new ItemStreamReader<>() {
            @Override
            public VideoFrame read() {
                return next.hasNext() ? next.next() : null;
            }
        };
    }

    private static List<GatedFrame> readAll(MotionGatingReader reader) throws Exception {
        reader.open(new ExecutionContext());
        List<GatedFrame> read = new ArrayList<>();
        for (GatedFrame frame = reader.read(); frame != null; frame = reader.read()) {
            read.add(frame);
        }
        reader.close();
        return read;
    }

    @Test
    void theGateJudgesEachFrameInReadingOrder() throws Exception {
        List<GatedFrame> read = readAll(new MotionGatingReader(reading(frames()), new MotionGate()));

        assertThat(read).extracting(f -> f.frame().index()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        // the first frame, the square appearing, and its disappearing; the rest is still
        assertThat(read).extracting(GatedFrame::infer)
                .containsExactly(true, false, false, false, false, true, true, false, false, false);
    }

    @Test
    void withoutAGateEveryFrameIsInferred() throws Exception {
        assertThat(readAll(new MotionGatingReader(reading(frames()), null))).extracting(GatedFrame::infer).containsOnly(true);
    }
}
