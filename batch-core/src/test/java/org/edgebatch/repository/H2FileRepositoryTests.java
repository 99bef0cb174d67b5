package org.edgebatch.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2FileRepositoryTests {

    @Test
    void anAbsoluteMixedModeFileUrlIsKept() {
        var repository = H2FileRepository.of(" jdbc:h2:file:/data/eb/edgebatch;AUTO_SERVER=TRUE;WRITE_DELAY=0 ").orElseThrow();

        assertThat(repository.file()).isEqualTo(Path.of("/data/eb/edgebatch"));
        assertThat(repository.url()).isEqualTo("jdbc:h2:file:/data/eb/edgebatch;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(repository.keeperLock()).isEqualTo(Path.of("/data/eb/edgebatch.keeper.lock"));
        assertThat(H2FileRepository.of("JDBC:H2:FILE:/x/y;auto_server=true")).isPresent();
    }

    @Test
    void otherUrlsAreNotKept() {
        assertThat(H2FileRepository.of("jdbc:h2:file:/data/eb/edgebatch")).isEmpty();
        assertThat(H2FileRepository.of("jdbc:h2:file:/data/eb/edgebatch;AUTO_SERVER=FALSE")).isEmpty();
        assertThat(H2FileRepository.of("jdbc:h2:file:./relative;AUTO_SERVER=TRUE")).isEmpty();
        assertThat(H2FileRepository.of("jdbc:h2:mem:x;AUTO_SERVER=TRUE")).isEmpty();
        assertThat(H2FileRepository.of("jdbc:mariadb://localhost/edgebatch")).isEmpty();
        assertThat(H2FileRepository.of(null)).isEmpty();
    }
}
