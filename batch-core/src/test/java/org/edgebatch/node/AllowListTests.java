package org.edgebatch.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class AllowListTests {

    @TempDir
    Path dir;

    @Test
    void aFileInsideAnAllowedFolderResolvesToItsRealPath() {
        // given
        var disk = new Disk(dir);
        disk.file("videos/cam1/a.mp4", 10);
        var list = AllowList.of(List.of(dir.resolve("videos")));

        // when
        Path real = list.resolve(dir.resolve("videos/cam1/./a.mp4"), "node-a");

        // then
        assertThat(real).isEqualTo(disk.real("videos/cam1/a.mp4"));
    }

    @Test
    void dotDotCannotClimbOut() {
        // given
        var disk = new Disk(dir);
        disk.folder("videos");
        disk.file("secret/x.mp4", 10);
        var list = AllowList.of(List.of(dir.resolve("videos")));
        Path sneaky = dir.resolve("videos/../secret/x.mp4");

        // when / then
        assertThatThrownBy(() -> list.resolve(sneaky, "node-a"))
                .isInstanceOf(PathNotAllowedException.class)
                .hasMessage(sneaky + " (resolves to " + disk.real("secret/x.mp4") + ") is outside the allow-list of node 'node-a' ["
                        + dir.resolve("videos") + "]");
    }

    @Test
    void aLinkInsideAnAllowedFolderPointingOutsideIsRefused() {
        // given
        var disk = new Disk(dir);
        Path outside = disk.file("secret/x.mp4", 10);
        Path link = disk.link("videos/innocent.mp4", outside);
        var list = AllowList.of(List.of(dir.resolve("videos")));

        // when / then
        assertThatThrownBy(() -> list.resolve(link, "node-a"))
                .isInstanceOfSatisfying(PathNotAllowedException.class, e -> {
                    assertThat(e.path()).isEqualTo(link);
                    assertThat(e.realPath()).isEqualTo(disk.real("secret/x.mp4"));
                })
                .hasMessage(link + " (resolves to " + disk.real("secret/x.mp4") + ") is outside the allow-list of node 'node-a' ["
                        + dir.resolve("videos") + "]");
    }

    @Test
    void aLinkPointingIntoAnotherAllowedFolderIsFine() {
        // given
        var disk = new Disk(dir);
        disk.file("b/x.mp4", 10);
        Path link = disk.link("a/x-from-b.mp4", dir.resolve("b/x.mp4"));
        var list = AllowList.of(List.of(dir.resolve("a"), dir.resolve("b")));

        // when
        Path real = list.resolve(link, "node-a");

        // then
        assertThat(real).isEqualTo(disk.real("b/x.mp4"));
    }

    @Test
    void aFolderWhoseNameStartsLikeAnAllowedOneIsOutside() {
        // given
        var disk = new Disk(dir);
        disk.folder("videos");
        Path other = disk.file("videos-other/x.mp4", 10);
        var list = AllowList.of(List.of(dir.resolve("videos")));

        // when / then
        assertThat(list.permits(disk.real("videos-other/x.mp4"))).isFalse();
        assertThatThrownBy(() -> list.resolve(other, "node-a")).isInstanceOf(PathNotAllowedException.class)
                .hasMessageStartingWith(other + " is outside the allow-list of node 'node-a'");
    }

    @Test
    void aFolderDifferingOnlyInCaseIsAnotherFolder() {
        // given two folders a case-sensitive file system keeps apart
        var disk = new Disk(dir);
        disk.folder("videos");
        assumeFalse(Files.exists(dir.resolve("VIDEOS")), "needs a case-sensitive file system");
        Path upper = disk.file("VIDEOS/x.mp4", 10);
        var list = AllowList.of(List.of(dir.resolve("videos")));

        // when / then
        assertThatThrownBy(() -> list.resolve(upper, "node-a")).isInstanceOf(PathNotAllowedException.class);
    }

    @Test
    void aPathThatDoesNotExistIsItsOwnError() {
        // given
        new Disk(dir).folder("videos");
        var list = AllowList.of(List.of(dir.resolve("videos")));
        Path missing = dir.resolve("videos/missing.mp4");

        // when / then
        assertThatThrownBy(() -> list.resolve(missing, "node-a"))
                .isInstanceOf(InventoryException.class)
                .isNotInstanceOf(PathNotAllowedException.class)
                .hasMessage(missing + " does not exist");
    }

    @Test
    void aDanglingLinkSaysSo() {
        // given
        Path link = new Disk(dir).link("videos/gone.mp4", dir.resolve("nowhere.mp4"));
        var list = AllowList.of(List.of(dir.resolve("videos")));

        // when / then
        assertThatThrownBy(() -> list.resolve(link, "node-a"))
                .hasMessage(link + " does not exist (a symbolic link to a missing target)");
    }

    @Test
    void aLinkedRootAllowsWhatItPointsTo() {
        // given an allow-list naming a link to the real folder
        var disk = new Disk(dir);
        disk.file("storage/cam/x.mp4", 10);
        disk.link("videos", dir.resolve("storage"));
        var list = AllowList.of(List.of(dir.resolve("videos")));

        // when / then both ways to the file are inside
        assertThat(list.resolve(dir.resolve("storage/cam/x.mp4"), "node-a")).isEqualTo(disk.real("storage/cam/x.mp4"));
        assertThat(list.resolve(dir.resolve("videos/cam/x.mp4"), "node-a")).isEqualTo(disk.real("storage/cam/x.mp4"));
    }

    @Test
    void aRootThatDoesNotExistAllowsNothingEvenThroughDotDot() {
        // given a root "videos/missing/.." that a lexical normalisation would turn into "videos"
        var disk = new Disk(dir);
        disk.file("videos/x.mp4", 10);
        var list = AllowList.of(List.of(dir.resolve("videos/missing/..")));

        // when / then
        assertThat(list.permits(disk.real("videos/x.mp4"))).isFalse();
    }

    @Test
    void aSingleFileRootAllowsOnlyThatFile() {
        // given
        var disk = new Disk(dir);
        disk.file("videos/a.mp4", 10);
        disk.file("videos/a.mp4.part", 10);
        var list = AllowList.of(List.of(dir.resolve("videos/a.mp4")));

        // when / then
        assertThat(list.permits(disk.real("videos/a.mp4"))).isTrue();
        assertThat(list.permits(disk.real("videos/a.mp4.part"))).isFalse();
    }
}
