package org.edgebatch.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * The keeper process of one H2 file repository (see {@link RepositoryKeeper}): opens the database, which makes it the
 * database's server for every other process, holds the keeper lock while it does, and leaves once no other session
 * has been connected for the linger time. Started by {@link RepositoryKeeper}, never by hand.
 *
 * <p>Arguments: the repository's JDBC URL and the linger time in milliseconds.
 */
public final class RepositoryKeeperProcess {

    /** Exit code when another keeper already serves the repository. */
    static final int ANOTHER_KEEPER = 3;

    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final long CHECK_MILLIS = 500;

    private final H2FileRepository repository;
    private final Duration linger;
    private Connection connection;

    private RepositoryKeeperProcess(H2FileRepository repository, Duration linger) {
        this.repository = repository;
        this.linger = linger;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RepositoryKeeperProcess JDBC_URL LINGER_MILLIS");
            System.exit(2);
        }
        H2FileRepository repository = H2FileRepository.of(args[0]).orElse(null);
        if (repository == null) {
            System.err.println("not an absolute H2 file URL with AUTO_SERVER=TRUE: " + args[0]);
            System.exit(2);
        }
        System.exit(new RepositoryKeeperProcess(repository, Duration.ofMillis(Long.parseLong(args[1]))).serve());
    }

    private int serve() throws IOException, InterruptedException {
        try {
            connection = open();
        } catch (SQLException e) {
            say("cannot open the database: " + e.getMessage());
            return 1;
        }
        try (FileLocks.Held keeper = FileLocks.acquire(repository.keeperLock(), LOCK_WAIT)) {
            if (keeper == null) {
                say("another keeper serves the database; leaving");
                return ANOTHER_KEEPER;
            }
            say("serving (pid " + ProcessHandle.current().pid() + ", leaving after " + linger.toMillis() + " ms without clients)");
            waitUntilUnused();
            say("no clients for " + linger.toMillis() + " ms; leaving");
            return 0;
        } finally {
            closeConnection();
        }
    }

    /** Returns holding the handover lock and with the connection closed, so no command can arrive as it leaves. */
    private void waitUntilUnused() throws IOException, InterruptedException {
        long idleSince = System.nanoTime();
        while (true) {
            Thread.sleep(CHECK_MILLIS);
            if (!Files.exists(repository.databaseFile())) {
                // Deleted under it (a folder removed, a test's temporary one): serving it on would only write it back.
                say("the database file is gone; leaving");
                closeConnection();
                return;
            }
            if (otherSessions() > 0) {
                idleSince = System.nanoTime();
                continue;
            }
            if (System.nanoTime() - idleSince < linger.toNanos()) {
                continue;
            }
            FileLocks.Held handover = FileLocks.acquire(repository.handoverLock(), Duration.ZERO);
            if (handover == null) {
                continue;
            }
            try (handover) {
                if (otherSessions() == 0) {
                    closeConnection();
                    return;
                }
            }
        }
    }

    private long otherSessions() {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getLong(1) - 1;
        } catch (SQLException e) {
            // Another process served the file before this keeper and has gone: serve it from here now.
            say("lost the database (" + e.getMessage() + "); opening it again");
            closeConnection();
            try {
                connection = open();
            } catch (SQLException again) {
                say("cannot open the database again: " + again.getMessage());
                throw new IllegalStateException(again);
            }
            return 1;
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(repository.url(), "", "");
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                say("closing: " + e.getMessage());
            }
            connection = null;
        }
    }

    private void say(String message) {
        System.err.println(Instant.now() + " keeper of " + repository.file() + ": " + message);
    }
}
