package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonMaxSuppressionTests {

    private final NonMaxSuppression nms = new NonMaxSuppression();

    @Test
    void suppressesAnOverlappingBoxOfTheSameClass() {
        // given: IoU = 81 / 119 = 0.68
        Candidates boxes = new Candidates();
        boxes.add(0, 0, 10, 10, 0.9f, 0);
        boxes.add(1, 1, 11, 11, 0.8f, 0);

        // then
        assertThat(nms.select(boxes, 0.45f, 300)).containsExactly(0);
        assertThat(nms.select(boxes, 0.7f, 300)).containsExactly(0, 1);
    }

    @Test
    void neverSuppressesAcrossClasses() {
        // given: the same two boxes, different classes
        Candidates boxes = new Candidates();
        boxes.add(0, 0, 10, 10, 0.9f, 0);
        boxes.add(1, 1, 11, 11, 0.8f, 2);
        boxes.add(0, 0, 10, 10, 0.7f, 2);

        // then: box 2 is suppressed by box 1 of its class, not by box 0
        assertThat(nms.select(boxes, 0.45f, 300)).containsExactly(0, 1);
    }

    @Test
    void suppressesOnlyWhenIouIsStrictlyAboveTheThreshold() {
        // given: IoU exactly 50 / 100 = 0.5, areas without +1
        Candidates boxes = new Candidates();
        boxes.add(0, 0, 10, 10, 0.9f, 0);
        boxes.add(0, 0, 10, 5, 0.8f, 0);

        // then
        assertThat(nms.select(boxes, 0.5f, 300)).containsExactly(0, 1);
        assertThat(nms.select(boxes, 0.49f, 300)).containsExactly(0);
    }

    @Test
    void keepsTheEarlierOfTwoEqualScores() {
        // given: identical boxes and scores; a box of another class with the same score in between
        Candidates boxes = new Candidates();
        boxes.add(0, 0, 10, 10, 0.8f, 0);
        boxes.add(20, 20, 30, 30, 0.8f, 1);
        boxes.add(0, 0, 10, 10, 0.8f, 0);

        // then
        assertThat(nms.select(boxes, 0.45f, 300)).containsExactly(0, 1);
    }

    @Test
    void aSuppressedBoxSuppressesNothing() {
        // given: IoU(A,B) = 70/130, IoU(A,C) = 40/160, IoU(B,C) = 70/130
        Candidates boxes = new Candidates();
        boxes.add(6, 0, 16, 10, 0.7f, 0);   // C
        boxes.add(3, 0, 13, 10, 0.8f, 0);   // B
        boxes.add(0, 0, 10, 10, 0.9f, 0);   // A

        // then: A suppresses B; C survives because B is gone; result by descending score
        assertThat(nms.select(boxes, 0.45f, 300)).containsExactly(2, 0);
    }

    @Test
    void stopsAtMaxDetectionsKeepingTheHighestScores() {
        // given: four disjoint boxes
        Candidates boxes = new Candidates();
        boxes.add(0, 0, 1, 1, 0.3f, 0);
        boxes.add(2, 2, 3, 3, 0.9f, 0);
        boxes.add(4, 4, 5, 5, 0.5f, 1);
        boxes.add(6, 6, 7, 7, 0.7f, 2);

        // then
        assertThat(nms.select(boxes, 0.45f, 2)).containsExactly(1, 3);
        assertThat(nms.select(boxes, 0.45f, 300)).containsExactly(1, 3, 2, 0);
    }

    @Test
    void keepsIdenticalEmptyBoxesLikeTorchvision() {
        // given: zero-area boxes give 0/0 = NaN IoU, which is not above any threshold
        Candidates boxes = new Candidates();
        boxes.add(5, 5, 5, 5, 0.9f, 0);
        boxes.add(5, 5, 5, 5, 0.8f, 0);

        // then
        assertThat(nms.select(boxes, 0.45f, 300)).containsExactly(0, 1);
    }

    @Test
    void selectsNothingFromNothing() {
        assertThat(nms.select(new Candidates(), 0.45f, 300)).isEmpty();
    }

    @Test
    void growsPastItsInitialCapacity() {
        // given: 1000 disjoint boxes in a buffer made for 4
        Candidates boxes = new Candidates(4);
        for (int i = 0; i < 1000; i++) {
            boxes.add(i * 2, 0, i * 2 + 1, 1, i / 1000f, 0);
        }

        // when
        int[] kept = nms.select(boxes, 0.45f, 300);

        // then
        assertThat(kept).hasSize(300);
        assertThat(kept[0]).isEqualTo(999);
        assertThat(kept[299]).isEqualTo(700);
    }
}
