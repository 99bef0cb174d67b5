package org.edgebatch.node;

import org.edgebatch.spec.InputSpec;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.spec.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class VideoInventoryTests {

    @TempDir
    Path dir;

    private static InputSpec input(Path... paths) {
        return new InputSpec(List.of(paths), InputSpec.DEFAULT_INCLUDE, List.of(), true);
    }

    private static EdgeNode node(String id, Path... allowed) {
        return new EdgeNode(id, Map.of(), AllowList.of(List.of(allowed)));
    }

    private static List<VideoAsset> scan(InputSpec input, String target, EdgeNode... nodes) {
        return new VideoInventory(input, new NodeSelector(TargetSpec.parse(target))).scan(List.of(nodes));
    }

    @Test
    void eachFileGoesToTheNodeHoldingIt() {
        // given
        var disk = new Disk(dir);
        disk.file("a/cam1/one.mp4", 100);
        disk.file("a/two.mkv", 50);
        disk.file("b/three.avi", 70);

        // when
        List<VideoAsset> assets = scan(input(dir.resolve("a"), dir.resolve("b")), "all",
                node("node-a", dir.resolve("a")), node("node-b", dir.resolve("b")));

        // then grouped by node in declaration order, each node's files by path
        assertThat(assets).extracting(VideoAsset::nodeId, VideoAsset::path, VideoAsset::sizeBytes).containsExactly(
                tuple("node-a", disk.real("a/cam1/one.mp4"), 100L),
                tuple("node-a", disk.real("a/two.mkv"), 50L),
                tuple("node-b", disk.real("b/three.avi"), 70L));
        assertThat(assets.getFirst().lastModified()).isEqualTo(lastModified(disk.real("a/cam1/one.mp4")));
    }

    @Test
    void aFileSeveralNodesHoldGoesToTheOneWithFewestBytesLargestFirst() {
        // given shared storage both nodes may read
        var disk = new Disk(dir);
        disk.file("shared/a.mp4", 10);
        disk.file("shared/b.mp4", 6);
        disk.file("shared/c.mp4", 5);
        disk.file("shared/d.mp4", 1);
        Path shared = dir.resolve("shared");

        // when
        List<VideoAsset> assets = scan(input(shared), "all", node("node-a", shared), node("node-b", shared));

        // then 10 -> a, 6 -> b, 5 -> b (6 < 10), 1 -> a (10 < 11): 11 bytes each
        assertThat(assets).extracting(VideoAsset::nodeId, VideoAsset::sizeBytes).containsExactly(
                tuple("node-a", 10L), tuple("node-a", 1L), tuple("node-b", 6L), tuple("node-b", 5L));
        // and the same inventory gives the same assignment
        assertThat(scan(input(shared), "all", node("node-a", shared), node("node-b", shared))).isEqualTo(assets);
    }

    @Test
    void includeGlobsMatchTheNameIgnoringCaseAndExcludeWins() {
        // given
        var disk = new Disk(dir);
        disk.file("v/A.MP4", 1);
        disk.file("v/b.mkv", 1);
        disk.file("v/c-preview.mp4", 1);
        disk.file("v/notes.txt", 1);
        disk.file("v/mp4/readme", 1);
        var input = new InputSpec(List.of(dir.resolve("v")), List.of("*.mp4", "*.mkv"), List.of("*-PREVIEW.*"), true);

        // when
        List<VideoAsset> assets = scan(input, "all", node("local", dir.resolve("v")));

        // then
        assertThat(assets).extracting(VideoAsset::path).containsExactly(disk.real("v/A.MP4"), disk.real("v/b.mkv"));
    }

    @Test
    void subFoldersAreSkippedWhenNotRecursive() {
        // given
        var disk = new Disk(dir);
        disk.file("v/top.mp4", 1);
        disk.file("v/sub/deep.mp4", 1);
        var input = new InputSpec(List.of(dir.resolve("v")), InputSpec.DEFAULT_INCLUDE, List.of(), false);

        // when
        List<VideoAsset> assets = scan(input, "all", node("local", dir.resolve("v")));

        // then
        assertThat(assets).extracting(VideoAsset::path).containsExactly(disk.real("v/top.mp4"));
    }

    @Test
    void aFileNamedDirectlyIsReadWhateverItsName() {
        // given
        var disk = new Disk(dir);
        Path raw = disk.file("v/camera.h264", 42);

        // when
        List<VideoAsset> assets = scan(input(raw), "all", node("local", dir.resolve("v")));

        // then
        assertThat(assets).extracting(VideoAsset::path, VideoAsset::sizeBytes).containsExactly(tuple(disk.real("v/camera.h264"), 42L));
    }

    @Test
    void anInputPathOutsideEverySelectedNodeIsRefusedNamingPathAndNodes() {
        // given
        var disk = new Disk(dir);
        disk.file("a/x.mp4", 1);
        disk.file("elsewhere/y.mp4", 1);
        Path elsewhere = dir.resolve("elsewhere");

        // when / then
        assertThatThrownBy(() -> scan(input(dir.resolve("a"), elsewhere), "all",
                node("node-a", dir.resolve("a")), node("node-b", dir.resolve("b"))))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessage("input path " + elsewhere + " is outside the allow-list of every selected node: 'node-a' ["
                        + dir.resolve("a") + "], 'node-b' [" + dir.resolve("b") + "] (target all)");
    }

    @Test
    void theParentOfTheNodesFoldersIsRefusedWithAHint() {
        // given nodes over videos/a and videos/b, and the input path videos
        var disk = new Disk(dir);
        disk.file("videos/a/x.mp4", 1);
        disk.file("videos/b/y.mp4", 1);

        // when / then
        assertThatThrownBy(() -> scan(input(dir.resolve("videos")), "all",
                node("node-a", dir.resolve("videos/a")), node("node-b", dir.resolve("videos/b"))))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessageStartingWith("input path " + dir.resolve("videos") + " is outside the allow-list of every selected node")
                .hasMessageEndingWith("(target all); it contains node folders, so list those as the input paths instead");
    }

    @Test
    void anInputPathHeldOnlyByAnUnselectedNodeIsRefused() {
        // given files on node-a, a target naming node-b
        new Disk(dir).file("a/x.mp4", 1);

        // when / then
        assertThatThrownBy(() -> scan(input(dir.resolve("a")), "node:node-b",
                node("node-a", dir.resolve("a")), node("node-b", dir.resolve("b"))))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessage("input path " + dir.resolve("a") + " is outside the allow-list of node 'node-b' ["
                        + dir.resolve("b") + "] (target node:node-b)");
    }

    @Test
    void dotDotInAnInputPathCannotClimbOut() {
        // given
        var disk = new Disk(dir);
        disk.folder("a");
        disk.file("secret/x.mp4", 1);
        Path sneaky = dir.resolve("a/../secret");

        // when / then
        assertThatThrownBy(() -> scan(input(sneaky), "all", node("node-a", dir.resolve("a"))))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessageStartingWith("input path " + sneaky + " (resolves to " + disk.real("secret") + ") is outside the allow-list of node 'node-a'");
    }

    @Test
    void aLinkedFileLeadingOutsideIsRefusedBeforeTheJobStarts() {
        // given a link among the videos pointing at a file no node may read
        var disk = new Disk(dir);
        disk.file("a/ok.mp4", 1);
        Path link = disk.link("a/evil.mp4", disk.file("secret/x.mp4", 1));

        // when / then
        assertThatThrownBy(() -> scan(input(dir.resolve("a")), "all", node("node-a", dir.resolve("a"))))
                .isInstanceOfSatisfying(PathNotAllowedException.class, e -> assertThat(e.path()).isEqualTo(link))
                .hasMessage(link + " (resolves to " + disk.real("secret/x.mp4") + "), found under input path "
                        + dir.resolve("a") + ", is outside the allow-list of node 'node-a' [" + dir.resolve("a") + "] (target all)");
    }

    @Test
    void aLinkedFolderLeadingOutsideIsRefusedBeforeItIsListed() {
        // given
        var disk = new Disk(dir);
        disk.file("a/ok.mp4", 1);
        disk.file("secret/x.mp4", 1);
        Path link = disk.link("a/more", dir.resolve("secret"));

        // when / then
        assertThatThrownBy(() -> scan(input(dir.resolve("a")), "all", node("node-a", dir.resolve("a"))))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessageStartingWith(link + " (resolves to " + disk.real("secret") + "), found under input path");
    }

    @Test
    void aLinkIntoAnotherNodesFolderGivesTheFileToThatNodeOnce() {
        // given node-a's folder links to a file node-b holds
        var disk = new Disk(dir);
        disk.file("a/own.mp4", 5);
        disk.file("b/theirs.mp4", 7);
        disk.link("a/theirs-link.mp4", dir.resolve("b/theirs.mp4"));

        // when
        List<VideoAsset> assets = scan(input(dir.resolve("a"), dir.resolve("b")), "all",
                node("node-a", dir.resolve("a")), node("node-b", dir.resolve("b")));

        // then
        assertThat(assets).extracting(VideoAsset::nodeId, VideoAsset::path).containsExactly(
                tuple("node-a", disk.real("a/own.mp4")),
                tuple("node-b", disk.real("b/theirs.mp4")));
    }

    @Test
    void aLinkBackUpTheTreeDoesNotLoop() {
        // given
        var disk = new Disk(dir);
        disk.file("a/x.mp4", 1);
        disk.link("a/sub/loop", dir.resolve("a"));

        // when
        List<VideoAsset> assets = scan(input(dir.resolve("a")), "all", node("node-a", dir.resolve("a")));

        // then
        assertThat(assets).extracting(VideoAsset::path).containsExactly(disk.real("a/x.mp4"));
    }

    @Test
    void anInputPathThatDoesNotExistIsItsOwnError() {
        // given
        new Disk(dir).folder("a");
        Path missing = dir.resolve("a/missing");

        // when / then
        assertThatThrownBy(() -> scan(input(missing), "all", node("node-a", dir.resolve("a"))))
                .isInstanceOf(InventoryException.class)
                .isNotInstanceOf(PathNotAllowedException.class)
                .hasMessage("input path " + missing + " does not exist");
    }

    @Test
    void noMatchingFilesListsThePathsAndGlobs() {
        // given
        new Disk(dir).file("a/notes.txt", 1);
        var input = new InputSpec(List.of(dir.resolve("a")), List.of("*.mp4"), List.of("*-preview.mp4"), true);

        // when / then
        assertThatThrownBy(() -> scan(input, "all", node("node-a", dir.resolve("a"))))
                .hasMessage("no video files in [" + dir.resolve("a") + "] match [*.mp4] without matching [*-preview.mp4]");
    }

    @Test
    void anyPutsEveryFileOnTheFirstNodeHoldingOne() {
        // given shared storage mounted on both nodes
        var disk = new Disk(dir);
        disk.file("shared/a.mp4", 10);
        disk.file("shared/b.mp4", 10);
        Path shared = dir.resolve("shared");

        // when
        List<VideoAsset> assets = scan(input(shared), "any", node("node-a", dir.resolve("other")), node("node-b", shared), node("node-c", shared));

        // then
        assertThat(assets).extracting(VideoAsset::nodeId).containsOnly("node-b").hasSize(2);
    }

    @Test
    void anyRefusesFilesTheChosenNodeCannotRead() {
        // given files split over two nodes
        var disk = new Disk(dir);
        disk.file("a/x.mp4", 1);
        disk.file("b/y.mp4", 1);

        // when / then
        assertThatThrownBy(() -> scan(input(dir.resolve("a"), dir.resolve("b")), "any",
                node("node-a", dir.resolve("a")), node("node-b", dir.resolve("b"))))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessage(disk.real("b/y.mp4") + " (an input file) is outside the allow-list of node 'node-a' ["
                        + dir.resolve("a") + "] (target any)");
    }

    @Test
    void aJobWithoutNodesRunsOnOneLocalNodeOverItsInputPaths() throws Exception {
        // given
        var disk = new Disk(dir);
        disk.file("videos/x.mp4", 3);
        Path model = disk.file("m.onnx", 1);
        JobSpec spec = new JobSpecLoader(dir).fromOverrides(Map.of("name", "job", "input.paths", "videos", "model.path", model.toString()));

        // when
        List<VideoAsset> assets = VideoInventory.of(spec);

        // then
        assertThat(assets).extracting(VideoAsset::nodeId, VideoAsset::path).containsExactly(tuple("local", disk.real("videos/x.mp4")));
        assertThat(Files.exists(model)).isTrue();
    }

    private static java.time.Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
