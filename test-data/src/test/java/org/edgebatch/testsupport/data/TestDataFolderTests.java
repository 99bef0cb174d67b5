package org.edgebatch.testsupport.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one data lookup: property, then environment, then shared/data beside the working directory or an ancestor. */
class TestDataFolderTests {

    @TempDir
    Path root;

    @Test
    void findsSharedDataBesideAnAncestorOfAModuleFolder() throws IOException {
        // given: <root>/shared/data beside <root>/repo, run from <root>/repo/launcher as Maven does
        Path data = Files.createDirectories(root.resolve("shared/data"));
        Path module = Files.createDirectories(root.resolve("repo/launcher"));

        // when
        Path found = TestDataFolder.locate(null, null, module);

        // then
        assertThat(found).isEqualTo(data.toAbsolutePath().normalize());
    }

    @Test
    void findsTheSameFolderFromTheRepositoryRoot() throws IOException {
        // given
        Path data = Files.createDirectories(root.resolve("shared/data"));
        Path repository = Files.createDirectories(root.resolve("repo"));

        // when
        Path found = TestDataFolder.locate("", " ", repository);

        // then
        assertThat(found).isEqualTo(data.toAbsolutePath().normalize());
    }

    @Test
    void thePropertyWinsOverTheEnvironmentAndTheSearch() throws IOException {
        // given
        Files.createDirectories(root.resolve("shared/data"));
        Path byProperty = Files.createDirectories(root.resolve("by-property"));
        Path byEnvironment = Files.createDirectories(root.resolve("by-environment"));

        // when
        Path found = TestDataFolder.locate(byProperty.toString(), byEnvironment.toString(), root);
        Path foundByEnvironment = TestDataFolder.locate(null, byEnvironment.toString(), root);

        // then
        assertThat(found).isEqualTo(byProperty);
        assertThat(foundByEnvironment).isEqualTo(byEnvironment);
    }

    @Test
    void aConfiguredFolderThatIsMissingIsRefusedRatherThanSearchedPast() throws IOException {
        // given
        Files.createDirectories(root.resolve("shared/data"));
        Path missing = root.resolve("typo");

        // when / then
        assertThatThrownBy(() -> TestDataFolder.locate(missing.toString(), null, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dedgebatch.data")
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> TestDataFolder.locate(null, missing.toString(), root))
                .hasMessageContaining("$EDGEBATCH_DATA");
    }

    @Test
    void withNothingFoundTheMessageNamesEveryPlaceLookedAt() throws IOException {
        // given
        Path module = Files.createDirectories(root.resolve("repo/launcher"));

        // when / then
        assertThatThrownBy(() -> TestDataFolder.locate(null, null, module))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(module.resolve("shared/data").toString())
                .hasMessageContaining(root.resolve("repo/shared/data").toString())
                .hasMessageContaining(root.resolve("shared/data").toString());
    }
}
