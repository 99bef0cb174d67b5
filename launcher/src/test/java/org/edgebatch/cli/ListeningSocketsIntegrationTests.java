package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgebatch.repository.RepositoryKeeperProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a job runs on the default H2 repository, no EdgeBatch process listens beyond loopback: the repository's keeper
 * serves the file over TCP to the other commands on this machine only.
 */
@ExtendWith(KeepersGone.class)
class ListeningSocketsIntegrationTests {

    // Long enough that the run is still going after its first chunk, when the sockets are read.
    private static final int FRAMES = 1200;

    @TempDir
    Path dir;

    @Test
    void duringARunTheCommandAndTheRepositoryKeeperListenOnLoopbackOnly() throws Exception {
        // given: a run in its own JVM that has committed its first chunk
        TestData.walking(dir.resolve("videos/long.mp4"), 320, 180, 10, FRAMES / 10.0, 2, 18);
        Path spec = TestData.fastModelSpec(dir, "sockets", 4);
        Path home = Files.createDirectories(dir.resolve("home"));
        RepositoryQueries repository = RepositoryQueries.ofHome(home);
        CliProcess.Started run = CliProcess.start(home, "run", spec.toString(), "--progress", "log");
        repository.awaitCount(run, "its sockets were read (4 frames)", 4, "SELECT COUNT(*) FROM EB_FRAME");

        // when: the sockets of the run, everything it started and the keeper of its repository are read
        Set<Long> keepers = ListeningSockets.processesWhoseCommandContains(RepositoryKeeperProcess.class.getName(),
                home.resolve(".edgebatch").toString());
        Set<Long> processes = new HashSet<>(keepers);
        processes.add(run.process().pid());
        run.process().descendants().forEach(child -> processes.add(child.pid()));
        List<ListeningSockets.Socket> sockets = ListeningSockets.of(processes);
        boolean runningWhileRead = run.process().isAlive();

        // then: the keeper serves the file over TCP, on loopback only
        assertThat(runningWhileRead).as("the run ended before its sockets were read: %s", run.stderr()).isTrue();
        assertThat(keepers).as("the repository's keeper process").isNotEmpty();
        assertThat(sockets).as("listening sockets of %s", processes)
                .anySatisfy(socket -> assertThat(keepers).contains(socket.pid()))
                .allSatisfy(socket -> assertThat(socket.loopback()).as("%s is loopback", socket).isTrue());

        // and: the run stops cleanly on SIGTERM, as from a service manager
        run.process().destroy();
        run.await(Duration.ofMinutes(2));
    }
}
