package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.detect.BgrImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotionGateTests {

    @TempDir
    Path dir;

    @Test
    void skipsMostOfAStillSceneButNeverAFrameWhereThePersonMoves() throws IOException {
        // given: 10 s at 25 fps; the person walks from 3 s to 5 s and stands still otherwise
        FootageRenderer renderer = Footage.walking(640, 360, 25, 10, 3, 5).build();
        FootageRenderer.Sprite walker = Footage.walking(640, 360, 25, 10, 3, 5).build().sprites().getFirst();
        Path video = renderer.render(dir.resolve("walk.mp4"));
        MotionGate gate = new MotionGate();
        List<MotionGate.Decision> decisions = new ArrayList<>();
        List<VideoFrame> frames = new ArrayList<>();

        // when
        try (FrameReader reader = FrameReader.builder(video).open()) {
            for (VideoFrame frame = reader.read(); frame != null; frame = reader.read()) {
                decisions.add(gate.decide(frame));
                frames.add(new VideoFrame(frame.video(), frame.index(), frame.timestampMicros(), frame.keyFrame(),
                        BgrImage.allocate(1, 1), frame.sourceWidth(), frame.sourceHeight()));
            }
        }

        // then
        assertThat(gate.counts().seen()).isEqualTo(250);
        assertThat(gate.counts().skipped()).isGreaterThan(125);
        assertThat(decisions.getFirst().reason()).isEqualTo(MotionGate.Reason.FIRST_FRAME);
        long lastInferred = 0;
        for (int i = 0; i < frames.size(); i++) {
            double t = frames.get(i).timestampMicros() / 1e6;
            if (walker.movingAt(t)) {
                assertThat(decisions.get(i).infer()).as("frame %d at %.2f s, person walking", i, t).isTrue();
            }
            if (decisions.get(i).infer()) {
                assertThat(frames.get(i).timestampMicros() - lastInferred).isLessThanOrEqualTo(2_000_000);
                lastInferred = frames.get(i).timestampMicros();
            }
        }
        assertThat(decisions).filteredOn(d -> d.reason() == MotionGate.Reason.KEEP_ALIVE).hasSizeBetween(3, 5);
    }

    @Test
    void tinyFramesShowTheThresholds() {
        // given a 16x8 grey frame, a grid of 16 cells across, motion = more than 10 % of 128 cells changed by more than 20
        MotionGate gate = new MotionGate(new MotionGate.Settings(16, 20, 0.1, 2.0));
        BgrImage still = grey(16, 8, 100, 0);

        // when / then
        assertThat(gate.decide(frame("v", 0, 0, still)).reason()).isEqualTo(MotionGate.Reason.FIRST_FRAME);
        assertThat(gate.decide(frame("v", 1, 40_000, grey(16, 8, 115, 0))).reason()).isEqualTo(MotionGate.Reason.STILL);
        assertThat(gate.decide(frame("v", 2, 80_000, grey(16, 8, 100, 12))).reason()).isEqualTo(MotionGate.Reason.STILL);
        MotionGate.Decision moved = gate.decide(frame("v", 3, 120_000, grey(16, 8, 100, 13)));
        assertThat(moved.reason()).isEqualTo(MotionGate.Reason.MOTION);
        assertThat(moved.changedFraction()).isEqualTo(13 / 128.0);
        assertThat(gate.decide(frame("v", 4, 2_100_000, grey(16, 8, 100, 13))).reason()).isEqualTo(MotionGate.Reason.STILL);
        assertThat(gate.decide(frame("v", 5, 2_120_000, grey(16, 8, 100, 13))).reason()).isEqualTo(MotionGate.Reason.KEEP_ALIVE);
        assertThat(gate.test(frame("v", 6, 2_160_000, grey(16, 8, 100, 13)))).isFalse();
        assertThat(gate.counts()).isEqualTo(new MotionGate.Counts(7, 3, 4));
    }

    @Test
    void startsAfreshForAnotherVideoOrAfterARestart() {
        // given
        MotionGate gate = new MotionGate();
        BgrImage image = grey(64, 36, 50, 0);
        gate.decide(frame("a", 10, 400_000, image));
        gate.decide(frame("a", 11, 440_000, image));

        // when / then
        assertThat(gate.decide(frame("b", 12, 480_000, image)).reason()).isEqualTo(MotionGate.Reason.FIRST_FRAME);
        assertThat(gate.decide(frame("b", 5, 200_000, image)).reason()).isEqualTo(MotionGate.Reason.FIRST_FRAME);
        assertThat(gate.decide(frame("b", 6, 240_000, image)).reason()).isEqualTo(MotionGate.Reason.STILL);
    }

    @Test
    void checksItsSettings() {
        assertThatThrownBy(() -> new MotionGate.Settings(4, 25, 0.01, 2)).hasMessageContaining("gridWidth");
        assertThatThrownBy(() -> new MotionGate.Settings(160, 300, 0.01, 2)).hasMessageContaining("pixelDelta");
        assertThatThrownBy(() -> new MotionGate.Settings(160, 25, 1.5, 2)).hasMessageContaining("changedFraction");
        assertThatThrownBy(() -> new MotionGate.Settings(160, 25, 0.01, 0)).hasMessageContaining("keepAliveSeconds");
    }

    /** A uniform grey image whose first {@code changed} pixels (row by row) are black. */
    private static BgrImage grey(int width, int height, int level, int changed) {
        BgrImage image = BgrImage.allocate(width, height);
        for (int i = 0; i < width * height; i++) {
            byte value = (byte) (i < changed ? 0 : level);
            for (int c = 0; c < 3; c++) {
                image.pixels().set(ValueLayout.JAVA_BYTE, i * 3L + c, value);
            }
        }
        return image;
    }

    private static VideoFrame frame(String video, long index, long micros, BgrImage image) {
        return new VideoFrame(video, index, micros, false, image, image.width(), image.height());
    }
}
