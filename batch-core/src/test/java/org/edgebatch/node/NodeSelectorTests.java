package org.edgebatch.node;

import org.edgebatch.spec.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSelectorTests {

    @TempDir
    Path dir;

    private List<EdgeNode> nodes() {
        var disk = new Disk(dir);
        return List.of(
                new EdgeNode("node-a", Map.of("site", "lobby"), AllowList.of(List.of(disk.folder("a")))),
                new EdgeNode("node-b", Map.of("site", "garage"), AllowList.of(List.of(disk.folder("b")))),
                new EdgeNode("node-c", Map.of("site", "lobby", "gpu", "yes"), AllowList.of(List.of(disk.folder("c")))));
    }

    private static List<String> ids(List<EdgeNode> nodes) {
        return nodes.stream().map(EdgeNode::id).toList();
    }

    @Test
    void allIsEveryNode() {
        assertThat(ids(new NodeSelector(TargetSpec.parse("all")).select(nodes(), List.of()))).containsExactly("node-a", "node-b", "node-c");
    }

    @Test
    void aNamedNodeIsThatNode() {
        assertThat(ids(new NodeSelector(TargetSpec.parse("node:node-b")).select(nodes(), List.of()))).containsExactly("node-b");
    }

    @Test
    void anUnknownNodeIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> new NodeSelector(TargetSpec.parse("node:node-x")).candidates(nodes()))
                .isInstanceOf(InventoryException.class)
                .hasMessage("target node:node-x names an unknown node 'node-x'; known nodes: node-a, node-b, node-c");
    }

    @Test
    void aLabelSelectsEveryNodeWithIt() {
        assertThat(ids(new NodeSelector(TargetSpec.parse("label:site=lobby")).select(nodes(), List.of()))).containsExactly("node-a", "node-c");
    }

    @Test
    void aLabelNoNodeHasIsAnError() {
        assertThatThrownBy(() -> new NodeSelector(TargetSpec.parse("label:site=roof")).candidates(nodes()))
                .hasMessage("target label:site=roof matches no node; node labels: node-a {site=lobby}, node-b {site=garage},"
                        + " node-c {gpu=yes, site=lobby}");
    }

    @Test
    void anyIsTheFirstDeclaredNodeHoldingAnInputFile() {
        // given files on node-c and node-b
        var disk = new Disk(dir);
        List<EdgeNode> nodes = nodes();
        disk.file("c/x.mp4", 1);
        disk.file("b/y.mp4", 1);
        List<Path> real = List.of(disk.real("c/x.mp4"), disk.real("b/y.mp4"));

        // when
        List<EdgeNode> chosen = new NodeSelector(TargetSpec.parse("any")).select(nodes, real);

        // then node-b, declared before node-c
        assertThat(ids(chosen)).containsExactly("node-b");
    }

    @Test
    void anyWithNoNodeHoldingAFileIsAnError() {
        // given
        var disk = new Disk(dir);
        disk.file("elsewhere/x.mp4", 1);

        // when / then
        assertThatThrownBy(() -> new NodeSelector(TargetSpec.parse("any")).select(nodes(), List.of(disk.real("elsewhere/x.mp4"))))
                .hasMessageStartingWith("target any: no node holds any of the 1 input files; nodes: 'node-a' [");
    }

    @Test
    void noNodesAtAllIsAnError() {
        assertThatThrownBy(() -> new NodeSelector(TargetSpec.parse("all")).candidates(List.of()))
                .hasMessage("no nodes to run target all on");
    }
}
