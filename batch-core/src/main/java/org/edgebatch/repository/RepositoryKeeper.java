package org.edgebatch.repository;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an H2 file repository is served by a keeper process of its own ({@link RepositoryKeeperProcess}) before a
 * command connects to it.
 *
 * <p>Why: in H2's automatic mixed mode the first process to open the file serves it to every later one, and when that
 * process exits the others' connections break, mid-transaction. Two runs on the default repository, the first ending
 * first, would lose the second. With a keeper, every command is a client of a process that outlives them all and
 * leaves only after no one has been connected for a while ({@code linger}).
 *
 * <p>Each {@link Lease} holds one connection open until it is closed, which is what tells the keeper someone is there;
 * it is opened under the handover lock, which the keeper also takes to leave, so a command never arrives at a keeper
 * that is just leaving. If no keeper can be started (no {@code java} to run, say), the lease opens the database the
 * old way, as its own server, and says so in the log.
 */
public final class RepositoryKeeper {

    /**
     * H2's system property for the address its TCP servers listen on. A keeper passes on this process's value, else
     * {@value #LOOPBACK}: the file is local, and an edge box should open no port to the network for it.
     */
    public static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";

    /** Where a keeper listens unless {@value #BIND_ADDRESS_PROPERTY} says otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(RepositoryKeeper.class);
    private static final long POLL_MILLIS = 25;

    private final Duration linger;
    private final Duration startTimeout;

    /**
     * @param linger       how long a keeper stays with no one connected
     * @param startTimeout the longest to wait for the handover lock and for a new keeper to serve the database
     */
    public RepositoryKeeper(Duration linger, Duration startTimeout) {
        this.linger = requirePositive(linger, "linger");
        this.startTimeout = requirePositive(startTimeout, "startTimeout");
    }

    /** Serves the repository of {@code url} from a keeper and connects to it; empty for URLs no keeper serves. */
    public Optional<Lease> lease(String url) {
        return H2FileRepository.of(url).map(this::lease);
    }

    /** Serves {@code repository} from a keeper (starting one if none is there) and opens the lease's connection. */
    public Lease lease(H2FileRepository repository) {
        try {
            Files.createDirectories(repository.file().getParent());
            try (FileLocks.Held handover = FileLocks.acquire(repository.handoverLock(), startTimeout)) {
                if (handover == null) {
                    throw new KeeperException("the job repository " + repository.file() + " is being handed over by another"
                            + " process for longer than " + startTimeout.toSeconds() + " s; see " + repository.keeperLog());
                }
                if (!FileLocks.isHeld(repository.keeperLock())) {
                    start(repository);
                }
                return new Lease(DriverManager.getConnection(repository.url(), "", ""));
            }
        } catch (SQLException e) {
            throw new KeeperException("cannot open the job repository " + repository.file() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the job repository's lock files next to " + repository.file(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeeperException("interrupted while waiting for the job repository " + repository.file(), e);
        }
    }

    private void start(H2FileRepository repository) throws IOException, InterruptedException {
        List<String> command;
        try {
            command = command(repository);
        } catch (IllegalStateException e) {
            log.warn("No keeper for the job repository {} ({}); this process serves it itself, and other processes using it"
                    + " lose their connections when it exits", repository.file(), e.getMessage());
            return;
        }
        Process keeper = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(repository.keeperLog().toFile()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (!FileLocks.isHeld(repository.keeperLock())) {
            if (!keeper.isAlive() && keeper.exitValue() != RepositoryKeeperProcess.ANOTHER_KEEPER) {
                // The keeper could not open the file; opening it here gives the database's own reason.
                log.warn("The keeper of the job repository {} ended with exit code {}; see {}", repository.file(),
                        keeper.exitValue(), repository.keeperLog());
                return;
            }
            if (System.nanoTime() >= deadline) {
                keeper.destroy();
                throw new KeeperException("the keeper of the job repository " + repository.file() + " did not start within "
                        + startTimeout.toSeconds() + " s; see " + repository.keeperLog());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * {@code java} of this JVM with a class path of just the keeper and H2, listening on loopback unless this process
     * was told otherwise, in a session of its own where there is setsid.
     */
    private List<String> command(H2FileRepository repository) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException(java + " is not executable");
        }
        List<String> command = new ArrayList<>();
        // Its own session: Ctrl-C in the terminal of the command that started it must not end it with that command.
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                // --wait: should setsid have to fork, the process this one watches is still the keeper's life.
                command.addAll(List.of(setsid, "--wait"));
                break;
            }
        }
        command.addAll(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-D" + BIND_ADDRESS_PROPERTY + "=" + System.getProperty(BIND_ADDRESS_PROPERTY, LOOPBACK),
                "-cp", codeSource(RepositoryKeeperProcess.class) + File.pathSeparator + codeSource(org.h2.Driver.class),
                RepositoryKeeperProcess.class.getName(), repository.url(), Long.toString(linger.toMillis())));
        return command;
    }

    private static String codeSource(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("no class path entry for " + type.getName());
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("no file for " + source.getLocation(), e);
        }
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** A command's presence at the repository: one open connection, until closed. */
    public static final class Lease implements AutoCloseable {

        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the job repository lease failed", e);
            }
        }
    }

    /** The repository cannot be served or reached; the message says why and where to look. */
    public static final class KeeperException extends RuntimeException {
        KeeperException(String message) {
            super(message);
        }

        KeeperException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
