package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edgebatch.publish.FileDigest;
import org.edgebatch.publish.Manifest;
import org.edgebatch.publish.Sha256;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgebatch get} on a folder target: the node folder comes back named by its manifest's SHA-256 with every file
 * verified; a published file with one byte changed, or one removed, is named and the command exits 1.
 */
@ExtendWith(KeepersGone.class)
class GetCommandTests {

    @TempDir
    static Path dir;

    static long execution;
    static String db;
    static Path central;

    @BeforeAll
    static void runAJobPublishingToAFolder() throws IOException {
        Path videos = dir.resolve("videos");
        TestData.walking(videos.resolve("walk.mp4"), 320, 180, 10, 2, 0.3, 1.7);
        central = dir.resolve("central");
        Path spec = TestData.spec(dir, "get", """
                name: get
                input: {paths: [%s]}
                model: {path: %s}
                chunkSize: 8
                threads: 2
                output: %s
                publish: {target: "file://%s"}
                """.formatted(videos, SharedData.fastModel(), dir.resolve("out"), central));
        db = Files.createDirectories(dir.resolve("db")).toString();
        Cli.Result result = Cli.run("run", spec.toString(), "--db", db, "--json", "--progress", "none");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        execution = JsonMapper.shared().readTree(result.out()).get("jobExecutionId").asLong();
    }

    @Test
    void fetchesEachNodeFolderUnderItsManifestsSha256AndVerifiesEveryFile() throws IOException {
        // when
        Cli.Result get = Cli.run("get", Long.toString(execution), "--output", dir.resolve("fetched").toString(), "--db", db);

        // then
        assertThat(get.exitCode()).as(get.toString()).isZero();
        Path published = publishedFolder();
        String address = FileDigest.ofBytes(Files.readAllBytes(published.resolve(Manifest.FILE_NAME))).sha256();
        Path fetched = dir.resolve("fetched").resolve(address);
        assertThat(get.out()).contains("local  sha256:" + address + "  " + fetched).contains("verified");
        Manifest manifest = Manifest.parse(Files.readString(fetched.resolve(Manifest.FILE_NAME)));
        assertThat(manifest.files()).isNotEmpty();
        for (Manifest.Entry entry : manifest.files()) {
            assertThat(Sha256.of(fetched.resolve(entry.name()))).isEqualTo(Sha256.of(published.resolve(entry.name())));
        }
    }

    @Test
    void aFileWithOneByteChangedOrMissingIsNamedAndTheCommandFails() throws IOException {
        // given: one published file altered by one byte, another removed
        Path published = copyOfPublished();
        List<Path> files;
        try (Stream<Path> listing = Files.list(published)) {
            files = listing.filter(file -> !file.getFileName().toString().equals(Manifest.FILE_NAME)).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        byte[] bytes = Files.readAllBytes(files.getFirst());
        bytes[bytes.length / 2] ^= 1;
        Files.write(files.getFirst(), bytes);
        Files.delete(files.getLast());

        try {
            // when
            Cli.Result get = Cli.run("get", Long.toString(execution), "--output", dir.resolve("tampered").toString(), "--db", db);

            // then
            assertThat(get.exitCode()).as(get.toString()).isEqualTo(ExitCodes.NOT_COMPLETED);
            assertThat(get.err()).contains("node local: " + files.getFirst().getFileName() + ": altered")
                    .contains("node local: " + files.getLast().getFileName() + ": missing");
        } finally {
            restorePublished(published);
        }
    }

    private static Path publishedFolder() throws IOException {
        try (Stream<Path> manifests = Files.walk(central)) {
            return manifests.filter(file -> file.getFileName().toString().equals(Manifest.FILE_NAME)).findFirst()
                    .orElseThrow(() -> new AssertionError("no manifest under " + central)).getParent();
        }
    }

    /** Keeps the published folder aside so the other test sees it intact. */
    private static Path copyOfPublished() throws IOException {
        Path published = publishedFolder();
        Path saved = Files.createDirectories(dir.resolve("saved"));
        try (Stream<Path> files = Files.list(published)) {
            for (Path file : files.toList()) {
                Files.copy(file, saved.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return published;
    }

    private static void restorePublished(Path published) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("saved"))) {
            for (Path file : files.toList()) {
                Files.copy(file, published.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
