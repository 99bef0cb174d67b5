package org.edgebatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputLayoutTests {

    private final Path output = Path.of("/data/out");

    @Test
    void theRepositoryFolderIsTheFirstEightHexDigitsOfItsId() {
        // H2 makes random UUIDs; MySQL and MariaDB time-based ones, whose first digits are the ones that differ
        assertThat(OutputLayout.of("3F2A9C1B-77d4-4e0a-9b1c-0c2f5d6e7a81").repositoryFolder()).isEqualTo("3f2a9c1b");
        assertThat(OutputLayout.of("6ccd780c-baba-1026-9564-5b8c656024db").repositoryFolder()).isEqualTo("6ccd780c");
    }

    @Test
    void reportsEventsAndPublishedFilesAreKeptApartByRepository() {
        // given
        OutputLayout first = new OutputLayout("0a1b2c3d");
        OutputLayout second = new OutputLayout("4e5f6a7b");

        // then
        assertThat(first.runReport(output, 1)).isEqualTo(Path.of("/data/out/runs/0a1b2c3d/1/report.json"));
        assertThat(second.runReport(output, 1)).isEqualTo(Path.of("/data/out/runs/4e5f6a7b/1/report.json"));
        assertThat(first.events(output, "lobby", 1, "node-a")).isEqualTo(Path.of("/data/out/lobby/0a1b2c3d/1/node-a"));
        assertThat(second.events(output, "lobby", 1)).isEqualTo(Path.of("/data/out/lobby/4e5f6a7b/1"));
        assertThat(first.published(Path.of("/central"), "lobby", 7, "node-a")).isEqualTo(Path.of("/central/lobby/0a1b2c3d/7/node-a"));
    }

    @Test
    void aFolderThatIsNotEightHexDigitsIsRefused() {
        assertThatThrownBy(() -> new OutputLayout("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repositoryFolder must be 8 lower-case hex digits");
        assertThatThrownBy(() -> OutputLayout.of("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a UUID");
    }
}
