package org.edgebatch.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgebatch.output.OutputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePublisherTests {

    private final OutputLayout layout = new OutputLayout("0a1b2c3d");

    @TempDir
    Path dir;

    @Test
    void filesAreCopiedUnderJobRepositoryExecutionAndNodeWithAManifestOfTheirHashes() throws Exception {
        // given
        Path jpg = Files.write(dir.resolve("v0-person-000010.jpg"), new byte[] {1, 2, 3});
        Path json = Files.writeString(dir.resolve("v0-person-000010.json"), "{}");
        OutboxEntry entry = new OutboxEntry(1, "lobby", 3, 12, "node-a", "v0-person-000010", List.of(jpg, json),
                OutboxStatus.PENDING, 0, null, 0);
        FilePublisher publisher = new FilePublisher(dir.resolve("central"), layout);

        // when: published twice (a crash between sending and marking it sent)
        publisher.publish(entry);
        publisher.publish(entry);

        // then
        Path folder = dir.resolve("central/lobby/0a1b2c3d/12/node-a");
        assertThat(folder.resolve("v0-person-000010.jpg")).hasBinaryContent(new byte[] {1, 2, 3});
        Manifest manifest = Manifest.read(folder, "lobby", 12, "node-a");
        assertThat(manifest.files()).containsExactly(
                new Manifest.Entry("v0-person-000010.jpg", 3, "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81"),
                new Manifest.Entry("v0-person-000010.json", 2, "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "v0-person-000010.jpg", "v0-person-000010.json", "manifest.json");
        }
    }

    @Test
    void aTargetThatCannotBeWrittenFailsNamingTheEventAndTheFolder() throws Exception {
        Path jpg = Files.write(dir.resolve("a.jpg"), new byte[] {1});
        Files.writeString(dir.resolve("central"), "a file where the folder should be");
        OutboxEntry entry = new OutboxEntry(1, "lobby", 3, 12, "node-a", "v0-person-000010", List.of(jpg), OutboxStatus.PENDING, 0, null, 0);

        assertThatThrownBy(() -> new FilePublisher(dir.resolve("central"), layout).publish(entry))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("event v0-person-000010 could not be published to " + dir.resolve("central/lobby/0a1b2c3d/12/node-a"));
    }

    @Test
    void aRedactedCopyGoesUnderTheOriginalNameAndTheManifestSaysSo() throws Exception {
        // given: the node's snapshot and its redacted copy beside it
        Path jpg = Files.write(dir.resolve("v0-person-000010.jpg"), new byte[] {1, 2, 3});
        Path redacted = Files.write(Files.createDirectories(RedactedCopies.folder(dir)).resolve("v0-person-000010.jpg"), new byte[] {9});
        Path json = Files.writeString(dir.resolve("v0-person-000010.json"), "{}");
        OutboxEntry entry = new OutboxEntry(1, "lobby", 3, 12, "node-a", "v0-person-000010", List.of(redacted, json),
                OutboxStatus.PENDING, 0, null, 0);

        // when
        new FilePublisher(dir.resolve("central"), layout).publish(entry);

        // then
        Path folder = dir.resolve("central/lobby/0a1b2c3d/12/node-a");
        assertThat(folder.resolve("v0-person-000010.jpg")).hasBinaryContent(new byte[] {9});
        assertThat(jpg).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(Manifest.read(folder, "lobby", 12, "node-a").files())
                .extracting(Manifest.Entry::name, Manifest.Entry::redacted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v0-person-000010.jpg", true),
                        org.assertj.core.groups.Tuple.tuple("v0-person-000010.json", false));
        assertThat(Files.readString(folder.resolve(Manifest.FILE_NAME))).contains("\"redacted\" : true");
    }

    @Test
    void aManifestWrittenBeforeRedactionExistedReadsAsNotRedacted() {
        Manifest manifest = Manifest.parse("""
                {"job": "lobby", "jobExecutionId": 12, "node": "node-a",
                 "files": [{"name": "a.jpg", "bytes": 3, "sha256": "00"}]}
                """);

        assertThat(manifest.files()).containsExactly(new Manifest.Entry("a.jpg", 3, "00", false));
    }
}
