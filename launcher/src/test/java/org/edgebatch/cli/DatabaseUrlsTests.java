package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.spec.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseUrlsTests {

    @TempDir
    Path dir;

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        assertThat(DatabaseUrls.resolve("jdbc:mariadb://127.0.0.1:3306/edgebatch")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/edgebatch");
        assertThat(DatabaseUrls.resolve(" jdbc:h2:mem:x ")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void aPathMeansAnH2FileThereThatOtherProcessesCanOpen() throws Exception {
        // given
        Path folder = Files.createDirectories(dir.resolve("db"));

        // when / then: a file name, a folder (edgebatch inside it), H2's own file name
        assertThat(DatabaseUrls.resolve(dir.resolve("jobs").toString())).isEqualTo("jdbc:h2:file:" + dir.resolve("jobs") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(DatabaseUrls.resolve(folder.toString())).isEqualTo("jdbc:h2:file:" + folder.resolve("edgebatch") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(DatabaseUrls.resolve(dir.resolve("jobs.mv.db").toString())).isEqualTo("jdbc:h2:file:" + dir.resolve("jobs") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(DatabaseUrls.resolve(dir.resolve("a/../jobs").toString())).isEqualTo("jdbc:h2:file:" + dir.resolve("jobs") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void aPathFromTheHomeFolderAndNoValueAtAllUseTheUsersHome() {
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(DatabaseUrls.resolve("~/jobs/db")).isEqualTo("jdbc:h2:file:" + home.resolve("jobs/db") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(DatabaseUrls.resolve(null)).isEqualTo(JobSpec.defaultDatabase())
                .isEqualTo("jdbc:h2:file:" + home.resolve(".edgebatch/db/edgebatch") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }
}
