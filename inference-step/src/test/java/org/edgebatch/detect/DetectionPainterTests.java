package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionPainterTests {

    @Test
    void drawsTheBoxInTheClassColourAndACaptionAboveIt() {
        // given: a grey 200x200 frame and one car
        BgrImage frame = LetterboxTests.uniform(200, 200, 128, 128, 128);
        Detection car = new Detection(2, "car", 0.87f, 50, 80, 150, 180);
        int grey = new Color(128, 128, 128).getRGB();

        // when
        BufferedImage annotated = new DetectionPainter().annotate(frame, List.of(car));

        // then: the box edges carry the car colour, its inside and the far corner stay grey
        int carColour = DetectionPainter.colorOf(2).getRGB();
        assertThat(annotated.getRGB(50, 130)).isEqualTo(carColour);
        assertThat(annotated.getRGB(100, 180)).isEqualTo(carColour);
        assertThat(annotated.getRGB(100, 130)).isEqualTo(grey);
        assertThat(annotated.getRGB(199, 5)).isEqualTo(grey);
        // the caption band sits just above the box's left corner
        assertThat(annotated.getRGB(51, 78)).isNotEqualTo(grey);
        // the source frame is untouched
        assertThat(frame.sample(50, 130, 0)).isEqualTo(128);
    }

    @Test
    void putsTheCaptionInsideABoxAtTheTopEdge() {
        // given
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_3BYTE_BGR);
        Detection top = new Detection(0, "person", 0.5f, 10, 0, 90, 60);

        // when
        new DetectionPainter().paint(image, List.of(top));

        // then: drawn inside, below the top edge
        assertThat(image.getRGB(12, 5)).isNotEqualTo(Color.BLACK.getRGB());
    }

    @Test
    void coloursRepeatEveryTwentyClasses() {
        assertThat(DetectionPainter.colorOf(21)).isEqualTo(DetectionPainter.colorOf(1));
        assertThat(DetectionPainter.colorOf(0)).isNotEqualTo(DetectionPainter.colorOf(1));
    }
}
