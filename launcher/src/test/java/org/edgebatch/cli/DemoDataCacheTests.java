package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} and {@code bench} look in $EDGEBATCH_DATA first, then in the cache {@code models pull} fills. */
class DemoDataCacheTests {

    @TempDir
    Path dir;

    @Test
    void theCacheIsUsedOnlyWhenTheNamedFolderHasNoModel() throws Exception {
        // given
        Path data = Files.createDirectories(dir.resolve("data/models"));
        Path cache = Files.createDirectories(dir.resolve("cache/models"));
        Files.writeString(cache.resolve(DemoData.DEFAULT_MODEL), "cached");

        // then: without a model in the named folder, the cache
        assertThat(DemoData.locate(null, dir.resolve("data").toString(), null, dir.resolve("cache")).folder())
                .isEqualTo(dir.resolve("cache"));

        // and: a model in the named folder wins; --data always does
        Files.writeString(data.resolve(DemoData.DEFAULT_MODEL), "named");
        assertThat(DemoData.locate(null, dir.resolve("data").toString(), null, dir.resolve("cache")).folder())
                .isEqualTo(dir.resolve("data"));
        assertThat(DemoData.locate(dir.resolve("elsewhere"), null, null, dir.resolve("cache")).folder())
                .isEqualTo(dir.resolve("elsewhere"));
    }
}
