package org.edgebatch.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.edgebatch.detect.Detection;
import org.junit.jupiter.api.Test;

class DetectionTimelineTests {

    private final Detection left = RedactorTests.box("person", 0, 0, 10, 10);
    private final Detection right = RedactorTests.box("person", 50, 0, 60, 10);

    @Test
    void aFrameWithDetectionsUsesItsOwn() {
        DetectionTimeline timeline = new DetectionTimeline(1_000_000).add(10, 1_000_000, left).add(12, 1_200_000, right);

        assertThat(timeline.at(10, 1_000_000)).containsExactly(left);
    }

    @Test
    void aFrameBetweenSamplesTakesTheBoxesOfBothNeighboursWithinTheGap() {
        DetectionTimeline timeline = new DetectionTimeline(500_000).add(10, 1_000_000, left).add(20, 2_000_000, right);

        assertThat(timeline.at(15, 1_500_000)).containsExactly(left, right);
        assertThat(timeline.at(12, 1_200_000)).containsExactly(left);
        assertThat(timeline.at(30, 3_000_000)).isEmpty();
    }
}
