package org.edgebatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import org.edgebatch.testsupport.data.FootageImages;
import org.edgebatch.testsupport.data.SharedData;
import org.edgebatch.video.FootageRenderer;
import org.edgebatch.video.VideoInfo;
import org.edgebatch.video.VideoProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking footage keeps the size, rate, length and person the tests that count people on it were written for. */
class WalkingFootageTests {

    @TempDir
    Path dir;

    @Test
    void rendersTheAskedSizeRateAndLength() {
        // when
        Path video = WalkingFootage.render(WalkingFootage.walking(320, 180, 10, 2, 0.5, 1.5), dir.resolve("walk.mp4"));

        // then
        VideoInfo info = VideoProbe.probe(video);
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(180);
        assertThat(info.fps()).isEqualTo(10.0);
        assertThat(info.frameCount()).isEqualTo(20);
    }

    @Test
    void thePersonIsThePixelsTheFormerCopiesCutWithFootageRenderer() {
        // given: how the launcher's and remote-partitioning's own helpers made the person before they moved here
        BufferedImage crop = FootageRenderer.Sprite.crop(SharedData.readImage("zidane.jpg"), 740, 40, 400, 680);
        BufferedImage former = new BufferedImage(141, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = former.createGraphics();
        g.drawImage(crop, 0, 0, 141, 240, null);
        g.dispose();

        // when
        BufferedImage person = FootageImages.person(240);

        // then
        assertThat(person.getWidth()).isEqualTo(141);
        assertThat(pixels(person)).isEqualTo(pixels(former));
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
