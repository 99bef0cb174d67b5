package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.edgebatch.repository.RepositoryKeeper;

/**
 * Reads a job repository (the H2 file under a test home) with plain JDBC, as another process would: as a client of
 * the repository's keeper process.
 */
final class RepositoryQueries {

    private final Path database;
    private volatile String lastProblem = "";

    /** The repository at {@code database} (an H2 file name, without {@code .mv.db}). */
    private RepositoryQueries(Path database) {
        this.database = database;
    }

    static RepositoryQueries ofHome(Path home) {
        return new RepositoryQueries(home.resolve(".edgebatch/db/edgebatch"));
    }

    /** The repository {@code --db FOLDER} names. */
    static RepositoryQueries inFolder(Path folder) {
        return new RepositoryQueries(folder.resolve("edgebatch"));
    }

    String url() {
        return "jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE";
    }

    boolean exists() {
        return Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"));
    }

    /** The rows of a query, each as a list of its columns; an exception while the tables are still being made is empty. */
    List<List<Object>> rows(String sql, Object... parameters) {
        // A lease first, as the commands take one: opened directly, the file would be served by this JVM, and closing
        // the connection would break the running command's.
        try (RepositoryKeeper.Lease lease = KeepersGone.keeper().lease(url()).orElseThrow();
             Connection connection = DriverManager.getConnection(url(), "", "")) {
            return SqlRows.query(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).getFirst().getFirst()).longValue();
    }

    /** {@link #count}, or -1 while the database or its tables do not exist yet (the reason in {@link #lastProblem()}). */
    long countIfReady(String sql, Object... parameters) {
        if (!exists()) {
            lastProblem = "no database file yet";
            return -1;
        }
        try {
            return count(sql, parameters);
        } catch (IllegalStateException e) {
            lastProblem = e.getMessage();
            return -1;
        }
    }

    String lastProblem() {
        return lastProblem;
    }

    /**
     * Waits until {@code sql} counts at least {@code atLeast} while {@code run} is alive, for at most three minutes;
     * fails naming {@code what} and the run's stderr when the run ends first or time is up.
     */
    void awaitCount(CliProcess.Started run, String what, long atLeast, String sql, Object... parameters)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (countIfReady(sql, parameters) < atLeast) {
            assertThat(run.process().isAlive())
                    .as("the run ended before %s: %s; last query: %s", what, run.stderr(), lastProblem).isTrue();
            assertThat(System.nanoTime())
                    .as("not %s within 3 minutes: %s; last query: %s", what, run.stderr(), lastProblem)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
