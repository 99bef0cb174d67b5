package org.edgebatch.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeper processes for real, with other commands played by JVMs of their own. */
class RepositoryKeeperTests {

    private static final Duration LINGER = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final List<Process> holders = new ArrayList<>();

    @AfterEach
    void endHoldersAndKeeper() throws Exception {
        holders.forEach(Process::destroyForcibly);
        // JUnit deletes the folder next; a keeper's H2 would write its lock file back into it.
        awaitKeeperGone();
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("edgebatch") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private H2FileRepository repository() {
        return H2FileRepository.of(url()).orElseThrow();
    }

    private RepositoryKeeper keeper() {
        return new RepositoryKeeper(LINGER, Duration.ofSeconds(30));
    }

    @Test
    void aCommandExitingMidTransactionOfAnotherBreaksNothing() throws Exception {
        Process first = holder("lease");
        try (RepositoryKeeper.Lease lease = keeper().lease(url()).orElseThrow();
             Connection connection = DriverManager.getConnection(url(), "", "")) {
            execute(connection, "CREATE TABLE T(ID INT PRIMARY KEY)");
            connection.setAutoCommit(false);
            execute(connection, "INSERT INTO T VALUES (1)");

            first.getOutputStream().close();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            execute(connection, "INSERT INTO T VALUES (2)");
            connection.commit();
            assertThat(count(connection, "SELECT COUNT(*) FROM T")).isEqualTo(2);
        }
    }

    /** What the keeper is for: without it, the first process to open the file serves it, and its exit breaks the rest. */
    @Test
    void withoutAKeeperTheSameExitBreaksTheTransaction() throws Exception {
        Process first = holder("direct");
        try (Connection connection = DriverManager.getConnection(url(), "", "")) {
            execute(connection, "CREATE TABLE T(ID INT PRIMARY KEY)");
            connection.setAutoCommit(false);
            execute(connection, "INSERT INTO T VALUES (1)");

            first.getOutputStream().close();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> {
                execute(connection, "INSERT INTO T VALUES (2)");
                connection.commit();
            }).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void concurrentCommandsShareOneKeeper() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<RepositoryKeeper.Lease>> leases = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                leases.add(threads.submit((Callable<RepositoryKeeper.Lease>) () -> keeper().lease(url()).orElseThrow()));
            }
            Process other = holder("lease");
            for (Future<RepositoryKeeper.Lease> lease : leases) {
                lease.get(60, TimeUnit.SECONDS).close();
            }
            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }
        awaitKeeperGone();
        assertThat(Files.readAllLines(repository().keeperLog())).filteredOn(line -> line.contains(": serving")).hasSize(1);
    }

    @Test
    void theKeeperStaysWhileAnyoneIsConnectedAndLeavesAfterTheLinger() throws Exception {
        RepositoryKeeper.Lease lease = keeper().lease(url()).orElseThrow();
        Thread.sleep(LINGER.multipliedBy(3).toMillis());
        assertThat(FileLocks.isHeld(repository().keeperLock())).as("keeper present").isTrue();

        lease.close();
        awaitKeeperGone();

        // The file is free again, for the next keeper or for a process of its own.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("edgebatch"), "", "")) {
            assertThat(count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")).isEqualTo(1);
        }
    }

    @Test
    void aKeeperWhoseDatabaseFileIsDeletedLeavesAtOnceWhateverItsLinger() throws Exception {
        new RepositoryKeeper(Duration.ofHours(1), Duration.ofSeconds(30)).lease(url()).orElseThrow().close();
        assertThat(repository().hasKeeper()).isTrue();

        Files.delete(dir.resolve("edgebatch.mv.db"));

        awaitKeeperGone();
        assertThat(Files.readString(repository().keeperLog())).contains("the database file is gone; leaving");
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedWithTheDatabasesReason() throws IOException {
        Files.writeString(dir.resolve("edgebatch.mv.db"), "not a database, just some text that H2 cannot read as one\n".repeat(200));

        assertThatThrownBy(() -> keeper().lease(url()))
                .isInstanceOf(RepositoryKeeper.KeeperException.class)
                .hasMessageContaining("cannot open the job repository " + dir.resolve("edgebatch"));
        assertThat(Files.readString(repository().keeperLog())).contains("cannot open the database");
    }

    @Test
    void urlsNoKeeperServesGetNoLease() {
        assertThat(keeper().lease("jdbc:h2:mem:nothing")).isEmpty();
    }

    private void awaitKeeperGone() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (FileLocks.isHeld(repository().keeperLock())) {
            assertThat(System.nanoTime()).as("keeper gone within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private Process holder(String mode) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeaseHolder.class.getName(), url(), mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        holders.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the holder's first line").isEqualTo("open");
        return process;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
