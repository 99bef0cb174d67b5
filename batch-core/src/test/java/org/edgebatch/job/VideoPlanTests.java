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

    @Test
    void groupsHoldFilesOfOneNodeInPlanOrderWithinTheFileAndSecondBudgets() {
        // given: node-a has five 60 s files, node-b two
        List<PlannedVideo> videos = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            videos.add(video(i, i < 5 ? "node-a" : "node-b", 60));
        }
        VideoPlan plan = new VideoPlan(videos);

        // when / then: at most two files each
        assertThat(plan.groups(2, 300)).extracting(VideoGroup::name, group -> group.videos().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a-v0", 2), org.assertj.core.groups.Tuple.tuple("node-a-v2", 2),
                        org.assertj.core.groups.Tuple.tuple("node-a-v4", 1), org.assertj.core.groups.Tuple.tuple("node-b-v5", 2));
        // at most 150 s each
        assertThat(plan.groups(100, 150)).extracting(VideoGroup::name)
                .containsExactly("node-a-v0", "node-a-v2", "node-a-v4", "node-b-v5");
        // one partition per file
        assertThat(plan.groups(1, 300)).hasSize(7);
        // a node's files in one, never two nodes in one
        assertThat(plan.groups(100, 3600)).extracting(VideoGroup::name).containsExactly("node-a-v0", "node-b-v5");
    }

    @Test
    void aFileLongerThanTheBudgetHasAGroupOfItsOwn() {
        // given: short, very long, short, short
        VideoPlan plan = new VideoPlan(List.of(video(0, "node-a", 10), video(1, "node-a", 3600), video(2, "node-a", 10),
                video(3, "node-a", 10)));

        // when
        List<VideoGroup> groups = plan.groups(100, 300);

        // then
        assertThat(groups).extracting(group -> group.videos().stream().map(PlannedVideo::videoId).toList())
                .containsExactly(List.of("v0"), List.of("v1"), List.of("v2", "v3"));
        ExecutionContext context = groups.getLast().toContext();
        assertThat(PlannedVideo.fromContext(context).videoId()).isEqualTo("v2");
        assertThat(context.getInt(VideoGroup.SIZE)).isEqualTo(2);
        assertThat(context.getLong(VideoGroup.FRAMES)).isEqualTo(2 * 100);
        assertThat(plan.partitions(PartitionGrain.VIDEO, 100, 300)).containsOnlyKeys("node-a-v0", "node-a-v1", "node-a-v2");
    }

    @Test
    void aPlanIsPartitionedByTheBudgetStoredWithItAndOneFileEachWithoutOne() {
        // given: three short files of one node
        VideoPlan plan = new VideoPlan(List.of(video(0, "node-a", 10), video(1, "node-a", 10), video(2, "node-a", 10)));
        ExecutionContext grouped = new ExecutionContext();
        plan.storeIn(grouped, 100, 300);
        ExecutionContext before = new ExecutionContext();
        plan.storeIn(before);

        // when / then: the stored budget decides, not the spec a restart reads
        assertThat(VideoPlan.from(grouped).partitions(PartitionGrain.VIDEO, grouped)).containsOnlyKeys("node-a-v0");
        // a plan stored before partitions held several files restarts with its partitions of one file
        assertThat(VideoPlan.from(before).partitions(PartitionGrain.VIDEO, before))
                .containsOnlyKeys("node-a-v0", "node-a-v1", "node-a-v2")
                .allSatisfy((name, context) -> assertThat(VideoGroup.isGroup(context)).isFalse());
    }

    private static PlannedVideo video(int index, String node, int seconds) {
        return new PlannedVideo("v" + index, node, Path.of("/videos/" + node + "/" + index + ".mp4"), 1000,
                Instant.ofEpochMilli(1_700_000_000_000L), 100, 10.0, seconds * 1_000_000L, 640, 360);
    }
}
