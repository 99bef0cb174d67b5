package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.edgebatch.detect.ModelInput;
import org.edgebatch.ort.ElementType;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class VideoPlanTests {

    private static final PlannedVideo A = new PlannedVideo("v0", "node-a", Path.of("/videos/a/cam1.mp4"), 1000,
            Instant.ofEpochMilli(1_700_000_000_123L), 300, 30.0, 10_000_000, 1920, 1080);
    private static final PlannedVideo B = new PlannedVideo("v1", "node-b", Path.of("/videos/b/cam2.mkv"), 2000,
            Instant.ofEpochMilli(1_700_000_000_456L), 100, 10.0, 10_000_000, 640, 480);

    @Test
    void thePlanSurvivesTheJobContextAndMakesOnePartitionPerVideoNamedByNode() {
        // given
        ExecutionContext jobContext = new ExecutionContext();

        // when
        new VideoPlan(List.of(A, B)).storeIn(jobContext);
        VideoPlan read = VideoPlan.from(jobContext);

        // then
        assertThat(read.videos()).containsExactly(A, B);
        assertThat(read.partitions()).containsOnlyKeys("node-a-v0", "node-b-v1");
        assertThat(PlannedVideo.fromContext(read.partitions().get("node-b-v1"))).isEqualTo(B);
        assertThat(read.nodeIds()).containsExactly("node-a", "node-b");
        assertThat(read.totalFrames()).isEqualTo(400);
    }

    @Test
    void aContextWithoutPlanSaysSo() {
        assertThatThrownBy(() -> VideoPlan.from(new ExecutionContext()))
                .hasMessage("the job's context has no video plan ('inventory.plan'); the inventory step has not completed");
    }

    @Test
    void videosAreDecodedJustLargeEnoughToFillTheModelInput() {
        ModelInput input = new ModelInput(640, 640, ElementType.FLOAT32);

        assertThat(input.decodeWidth(1920, 1080)).isEqualTo(640);
        assertThat(input.decodeWidth(1080, 1920)).isEqualTo(360);
        assertThat(input.decodeWidth(640, 360)).isZero();
    }
}
