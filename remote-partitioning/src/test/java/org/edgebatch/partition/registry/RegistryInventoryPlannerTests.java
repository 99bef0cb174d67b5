package org.edgebatch.partition.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.edgebatch.job.LeftOutFile;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.job.VideoPlan;
import org.edgebatch.node.InventoryException;
import org.edgebatch.node.PathNotAllowedException;
import org.edgebatch.node.VideoAsset;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans from registered nodes and the inventories they published (rows written directly: no video is decoded). */
class RegistryInventoryPlannerTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant MODIFIED = Instant.ofEpochMilli(1_700_000_000_000L);

    @TempDir
    Path dir;

    private final TestRepository repository = new TestRepository();
    private final NodeRegistry registry = repository.registry;
    private final RegistryInventoryPlanner planner = new RegistryInventoryPlanner(registry, TIMEOUT);

    @BeforeEach
    void model() throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "not really onnx");
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void allPlansTheMatchingFilesOfEveryLiveNode() {
        // given
        twoNodes();
        inventory("node-a", "/srv/a/cams/1.mp4", "/srv/a/cams/2.MKV", "/srv/a/cams/notes.txt", "/srv/a/other/3.mp4");
        inventory("node-b", "/srv/b/cams/4.mp4", "/srv/b/cams/deep/5.mp4");

        // when
        VideoPlan plan = planner.plan(spec("all", "/srv/a/cams", "/srv/b/cams"));

        // then
        assertThat(plan.videos()).extracting(PlannedVideo::videoId, PlannedVideo::nodeId, video -> video.path().toString())
                .containsExactly(tuple("v0", "node-a", "/srv/a/cams/1.mp4"), tuple("v1", "node-a", "/srv/a/cams/2.MKV"),
                        tuple("v2", "node-b", "/srv/b/cams/4.mp4"), tuple("v3", "node-b", "/srv/b/cams/deep/5.mp4"));
        assertThat(plan.videos().getFirst()).isEqualTo(new PlannedVideo("v0", "node-a", Path.of("/srv/a/cams/1.mp4"), 1_000,
                MODIFIED, 250, 25.0, 10_000_000, 640, 360));
    }

    @Test
    void aPathOnTwoMachinesIsTwoFiles() {
        // given
        node("node-a", Map.of(), "/videos");
        node("node-b", Map.of(), "/videos");
        inventory("node-a", "/videos/door.mp4");
        inventory("node-b", "/videos/door.mp4");

        // when
        VideoPlan plan = planner.plan(spec("all", "/videos"));

        // then
        assertThat(plan.videos()).extracting(PlannedVideo::nodeId, video -> video.path().toString())
                .containsExactly(tuple("node-a", "/videos/door.mp4"), tuple("node-b", "/videos/door.mp4"));
        assertThat(plan.partitions()).containsOnlyKeys("node-a-v0", "node-b-v1");
    }

    @Test
    void anyPicksExactlyOneNodeThatHoldsAnInputFile() {
        // given
        node("node-a", Map.of(), "/videos");
        node("node-b", Map.of(), "/videos");
        node("node-c", Map.of(), "/videos");
        inventory("node-a", "/videos/notes.txt");
        inventory("node-b", "/videos/door.mp4", "/videos/yard.mp4");
        inventory("node-c", "/videos/lobby.mp4");

        // when
        VideoPlan plan = planner.plan(spec("any", "/videos"));

        // then
        assertThat(plan.nodeIds()).containsExactly("node-b");
        assertThat(plan.videos()).extracting(video -> video.path().toString()).containsExactly("/videos/door.mp4", "/videos/yard.mp4");
    }

    @Test
    void aNamedNodeRunsOnlyItsOwnFiles() {
        // given
        twoNodes();
        inventory("node-a", "/srv/a/cams/1.mp4");
        inventory("node-b", "/srv/b/cams/4.mp4");

        // when
        VideoPlan plan = planner.plan(spec("node:node-b", "/srv/b/cams"));

        // then
        assertThat(plan.videos()).extracting(PlannedVideo::nodeId, video -> video.path().toString())
                .containsExactly(tuple("node-b", "/srv/b/cams/4.mp4"));
    }

    @Test
    void aLabelSelectsTheLiveNodesThatHaveIt() {
        // given
        twoNodes();
        node("node-c", Map.of("site", "dock"), "/srv/c");
        inventory("node-a", "/srv/a/cams/1.mp4");
        inventory("node-b", "/srv/b/cams/4.mp4");
        inventory("node-c", "/srv/c/cams/7.mp4");

        // when
        VideoPlan plan = planner.plan(spec("label:site=dock", "/srv/b/cams", "/srv/c/cams"));

        // then
        assertThat(plan.nodeIds()).containsExactly("node-b", "node-c");
    }

    @Test
    void theIncludePredicateChoosesAmongTheFiles() {
        // given: a scheduled run that has processed 1.mp4 already
        twoNodes();
        inventory("node-a", "/srv/a/cams/1.mp4", "/srv/a/cams/2.mp4");
        List<VideoAsset> asked = new ArrayList<>();

        // when
        VideoPlan plan = planner.plan(spec("all", "/srv/a/cams"), asset -> {
            asked.add(asset);
            return !asset.path().endsWith("1.mp4");
        });

        // then
        assertThat(asked).containsExactly(new VideoAsset("node-a", Path.of("/srv/a/cams/1.mp4"), 1_000, MODIFIED),
                new VideoAsset("node-a", Path.of("/srv/a/cams/2.mp4"), 1_000, MODIFIED));
        assertThat(plan.videos()).extracting(PlannedVideo::videoId, video -> video.path().toString())
                .containsExactly(tuple("v0", "/srv/a/cams/2.mp4"));
    }

    @Test
    void theInputsGlobsAndRecursionAreRespected() {
        // given
        twoNodes();
        inventory("node-a", "/srv/a/cams/1.mp4", "/srv/a/cams/2.avi", "/srv/a/cams/old/3.mp4", "/srv/a/cams/notes.txt");

        // when
        VideoPlan plan = planner.plan(spec("""
                name: plan
                input:
                  paths: [/srv/a/cams, /srv/a/cams/notes.txt]
                  include: ["*.mp4", "*.avi", "*.txt"]
                  exclude: ["*.avi"]
                  recursive: false
                model:
                  path: model.onnx
                """));

        // then
        assertThat(plan.videos()).extracting(video -> video.path().toString())
                .containsExactly("/srv/a/cams/1.mp4", "/srv/a/cams/notes.txt");
    }

    @Test
    void withNoRegisteredWorkerThereIsNothingToPlanOn() {
        assertThatThrownBy(() -> planner.plan(spec("all", "/srv/a/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("no worker has registered in this job repository: start 'edgebatch worker");
    }

    @Test
    void anUnknownNodeIsRefusedListingTheRegisteredOnes() {
        // given
        twoNodes();

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("node:node-z", "/srv/a/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("target node:node-z names an unknown node 'node-z'; registered nodes: node-a, node-b");
    }

    @Test
    void aNamedNodeThatIsLostOrLeftIsNamed() {
        // given: node-a went silent 40 s ago, node-b stopped on purpose
        node("node-a", Map.of(), "/srv/a");
        repository.clock.advance(Duration.ofSeconds(40));
        node("node-b", Map.of(), "/srv/b");
        registry.deregister("node-b", "worker-node-b");

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("node:node-a", "/srv/a/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("target node:node-a: node node-a (host host-node-a, pid 101, last heart-beat 40 s ago) is lost;"
                        + " start its worker again");
        assertThatThrownBy(() -> planner.plan(spec("node:node-b", "/srv/b/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("node node-b (host host-node-b, pid 102, left 0 s ago) is left");
    }

    @Test
    void withEveryNodeLostThereIsNoNodeToRunOn() {
        // given
        twoNodes();
        repository.clock.advance(Duration.ofMinutes(2));

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("all", "/srv/a/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("no live node to run target all on; nodes seen:")
                .hasMessageContaining("node-a (host host-node-a, pid 101, last heart-beat 2 min ago) lost")
                .hasMessageContaining("(a node is lost when silent for more than 30 s)");
        assertThatThrownBy(() -> planner.plan(spec("any", "/srv/a/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("no live node to run target any on");
    }

    @Test
    void aLabelNoLiveNodeHasIsRefusedListingTheNodesLabels() {
        // given: only a lost node has the label
        node("node-c", Map.of("site", "roof"), "/srv/c");
        repository.clock.advance(Duration.ofSeconds(40));
        twoNodes();

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("label:site=roof", "/srv/c/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("target label:site=roof matches no live node; nodes: node-a {site=lobby} alive,"
                        + " node-b {site=dock} alive, node-c {site=roof} lost");
    }

    @Test
    void anInputPathOutsideEveryAllowListIsRefused() {
        // given
        twoNodes();

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("all", "/srv/a/cams", "/etc/cams")))
                .isInstanceOfSatisfying(PathNotAllowedException.class, e -> assertThat(e.path()).isEqualTo(Path.of("/etc/cams")))
                .hasMessage("input path /etc/cams is outside the allow-list of every node: node-a [/srv/a],"
                        + " node-b [/srv/b] (target all)");
    }

    @Test
    void anInputPathOnlyAnUnselectedNodeHoldsIsLeftOutOfTheTargetsPlan() {
        // given: one spec listing both sites' folders
        twoNodes();
        inventory("node-a", "/srv/a/cams/door.mp4");
        inventory("node-b", "/srv/b/cams/gate.mp4");

        // when
        VideoPlan plan = planner.plan(spec("node:node-a", "/srv/a/cams", "/srv/b/cams"));

        // then: node-b's folder is not refused, just not this target's
        assertThat(plan.videos()).isNotEmpty().allSatisfy(video -> assertThat(video.nodeId()).isEqualTo("node-a"));
        assertThatThrownBy(() -> planner.plan(spec("node:node-a", "/srv/b/cams")))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("no video files in [/srv/b/cams]");
    }

    @Test
    void anInputFolderHoldingTheNodesFoldersIsRefusedWithAHint() {
        // given
        twoNodes();

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("all", "/srv")))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessageEndingWith("(target all); it contains node folders, so list those as the input paths instead");
    }

    @Test
    void aFileFoundInAFolderWithAProbeErrorIsLeftOutWithItsReasonAndTheRestPlanned() {
        // given
        twoNodes();
        registry.publishInventory("node-a", "worker-node-a", List.of(file("node-a", "/srv/a/cams/1.mp4"),
                new NodeFile("node-a", Path.of("/srv/a/cams/bad.mp4"), 10, MODIFIED, 0, 0, 0, 0, 0, "moov atom not found")));

        // when
        VideoPlan plan = planner.plan(spec("all", "/srv/a/cams"));

        // then
        assertThat(plan.videos()).extracting(video -> video.path().toString()).containsExactly("/srv/a/cams/1.mp4");
        assertThat(plan.leftOut()).containsExactly(LeftOutFile.unreadable("node-a", Path.of("/srv/a/cams/bad.mp4"),
                "moov atom not found"));
    }

    @Test
    void aFileNamedDirectlyWithAProbeErrorIsRefusedNamingIt() {
        // given
        twoNodes();
        registry.publishInventory("node-a", "worker-node-a", List.of(file("node-a", "/srv/a/cams/1.mp4"),
                new NodeFile("node-a", Path.of("/srv/a/cams/bad.mp4"), 10, MODIFIED, 0, 0, 0, 0, 0, "moov atom not found")));

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("all", "/srv/a/cams/bad.mp4")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("not a readable video: /srv/a/cams/bad.mp4 on node node-a: moov atom not found");
    }

    @Test
    void aFileModifiedWithinTheSettleTimeIsDeferred() {
        // given
        twoNodes();
        Instant justNow = Instant.ofEpochMilli(registry.now() - 2_000);
        registry.publishInventory("node-a", "worker-node-a", List.of(file("node-a", "/srv/a/cams/1.mp4"),
                new NodeFile("node-a", Path.of("/srv/a/cams/2.mp4"), 10, justNow, 250, 25.0, 10_000_000, 640, 360, null)));

        // when
        VideoPlan plan = planner.plan(spec("all", "/srv/a/cams"));

        // then
        assertThat(plan.videos()).extracting(video -> video.path().toString()).containsExactly("/srv/a/cams/1.mp4");
        assertThat(plan.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.kind()).isEqualTo(LeftOutFile.DEFERRED);
            assertThat(left.path()).isEqualTo(Path.of("/srv/a/cams/2.mp4"));
            assertThat(left.reason()).startsWith("modified 2 s ago, within input.settleSeconds (30 s)");
        });
    }

    @Test
    void noMatchingFilesIsRefusedSayingWhatEachNodePublished() {
        // given
        twoNodes();
        inventory("node-a", "/srv/a/cams/notes.txt", "/srv/a/cams/1.avi");
        repository.clock.advance(Duration.ofSeconds(3));

        // when / then
        assertThatThrownBy(() -> planner.plan(spec("""
                name: plan
                input:
                  paths: [/srv/a/cams, /srv/b/cams]
                  exclude: ["*.avi"]
                model:
                  path: model.onnx
                """)))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("no video files in [/srv/a/cams, /srv/b/cams] match [*.mp4, ")
                .hasMessageContaining(" without matching [*.avi]")
                .hasMessageEndingWith("in the inventories of nodes node-a (2 files, published 3 s ago), node-b (0 files, not published yet)");
    }

    /** node-a (site=lobby, allowed /srv/a) and node-b (site=dock, allowed /srv/b), both alive. */
    private void twoNodes() {
        node("node-a", Map.of("site", "lobby"), "/srv/a");
        node("node-b", Map.of("site", "dock"), "/srv/b");
    }

    private void node(String nodeId, Map<String, String> labels, String... allowList) {
        long pid = 100 + nodeId.charAt(nodeId.length() - 1) - 'a' + 1;
        registry.register(new WorkerRegistration(nodeId, "worker-" + nodeId, "host-" + nodeId, pid, "0.1.0", labels,
                Arrays.stream(allowList).map(Path::of).toList(), 2, 1), TIMEOUT);
    }

    private void inventory(String nodeId, String... paths) {
        assertThat(registry.publishInventory(nodeId, "worker-" + nodeId,
                Arrays.stream(paths).map(path -> file(nodeId, path)).toList())).isTrue();
    }

    private static NodeFile file(String nodeId, String path) {
        return new NodeFile(nodeId, Path.of(path), 1_000, MODIFIED, 250, 25.0, 10_000_000, 640, 360, null);
    }

    private JobSpec spec(String target, String... inputs) {
        return spec("""
                name: plan
                input:
                  paths: [%s]
                target: "%s"
                model:
                  path: model.onnx
                """.formatted(Arrays.stream(inputs).collect(Collectors.joining(", ")), target));
    }

    private JobSpec spec(String yaml) {
        return new JobSpecLoader(dir).read("test spec", yaml);
    }
}
