package org.edgebatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * A distributed-mode test bench on this machine's real services: a MariaDB database of its own (dropped at the end),
 * the RabbitMQ broker (the repository's own queues, deleted at the end), worker and manager processes of the packaged
 * CLI with short node timeouts, and waits on conditions with deadlines and messages that say what was seen.
 */
final class DistributedCluster implements AutoCloseable {

    static final String BROKER = "amqp://guest:guest@127.0.0.1:5672/";
    static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    /** Short timings, so a lost node is seen in seconds rather than half a minute. */
    static final List<String> FAST = List.of("-Dedgebatch.node-timeout=8s", "-Dedgebatch.node-heartbeat-interval=1s",
            "-Dedgebatch.partition-poll-interval=250ms", "-Dedgebatch.inventory-interval=2s");
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(8);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path home;
    private final String database;
    private final Map<String, CliProcess.Started> workers = new LinkedHashMap<>();
    private final List<CliProcess.Started> others = new ArrayList<>();
    private final List<CliProcess.Started> all = new ArrayList<>();
    private CliProcess.Launch launch = new CliProcess.Launch(List.of(), FAST, Map.of());
    private String brokerUrl = BROKER;
    private String dbUrl;

    private DistributedCluster(Path home, String database) {
        this.home = home;
        this.database = database;
        this.dbUrl = SERVER + database + "?user=root";
    }

    /**
     * From now on, processes log in with these URLs and environment (passwords in the environment, say) instead of
     * root and guest.
     */
    void useLogin(String dbUrl, String brokerUrl, Map<String, String> environment) {
        this.dbUrl = dbUrl;
        this.brokerUrl = brokerUrl;
        this.launch = new CliProcess.Launch(List.of(), FAST, environment);
    }

    /** A bench with a new database; the home folder keeps the processes' logs. */
    static DistributedCluster create(Path home) throws SQLException, IOException {
        String database = "eb_it_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        return new DistributedCluster(Files.createDirectories(home), database);
    }

    String databaseName() {
        return database;
    }

    String dbUrl() {
        return dbUrl;
    }

    String brokerUrl() {
        return brokerUrl;
    }

    Path home() {
        return home;
    }

    CliProcess.Launch launch() {
        return launch;
    }

    /** Starts a worker process for a node that allow-lists {@code folder}. */
    CliProcess.Started startWorker(String nodeId, Path folder, String... extra) throws IOException {
        return startWorker(launch, nodeId, folder, extra);
    }

    /** Starts a worker process launched in a particular way (in a network namespace, say). */
    CliProcess.Started startWorker(CliProcess.Launch how, String nodeId, Path folder, String... extra) throws IOException {
        return startWorkerAt(how, nodeId, folder, brokerUrl, dbUrl, extra);
    }

    /** Starts a worker that reaches the broker and the database at other addresses (through a forwarder, say). */
    CliProcess.Started startWorkerAt(CliProcess.Launch how, String nodeId, Path folder, String broker, String db, String... extra)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--node-id", nodeId, "--allow", folder.toString(), "--broker",
                broker, "--db", db, "--threads", "1"));
        args.addAll(List.of(extra));
        CliProcess.Started started = CliProcess.start(home, how, args.toArray(String[]::new));
        workers.put(nodeId, started);
        all.add(started);
        return started;
    }

    CliProcess.Started worker(String nodeId) {
        return workers.get(nodeId);
    }

    /** Starts {@code edgebatch run SPEC} as the manager of this bench's workers. */
    CliProcess.Started startRun(Path spec, String... extra) throws IOException {
        return startCommand("run", spec.toString(), extra);
    }

    /** Starts any command against this bench's repository and broker ({@code restart 3}, say). */
    CliProcess.Started startCommand(String command, String argument, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(command, argument, "--db", dbUrl()));
        if (command.equals("run") || command.equals("restart")) {
            args.addAll(List.of("--broker", brokerUrl, "--progress", "log"));
        }
        args.addAll(List.of(extra));
        CliProcess.Started started = CliProcess.start(home, launch, args.toArray(String[]::new));
        others.add(started);
        all.add(started);
        return started;
    }

    /** Waits until every named node is alive with its inventory published by the worker process this bench started. */
    void awaitNodes(Duration timeout, String... nodeIds) {
        await("nodes " + List.of(nodeIds) + " registered with their inventories", timeout, () -> {
            for (String nodeId : nodeIds) {
                CliProcess.Started worker = workers.get(nodeId);
                if (worker != null && !worker.process().isAlive()) {
                    throw new AssertionError("the worker of " + nodeId + " ended: " + describe(worker));
                }
                List<List<Object>> rows = rows("SELECT PID, STATE, INVENTORY_AT FROM EB_NODE WHERE NODE_ID = ?", nodeId);
                if (rows.isEmpty() || rows.getFirst().get(2) == null || !"ALIVE".equals(rows.getFirst().get(1))
                        || (worker != null && ((Number) rows.getFirst().get(0)).longValue() != worker.process().pid())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits for a condition, failing with what was awaited and the processes' logs when the deadline passes. */
    void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String problem = "";
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // The tables may not exist yet while the first process migrates the schema.
                problem = e.getMessage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + (problem.isEmpty() ? "" : " (last: " + problem + ")")
                + "\n" + logs());
    }

    /** What every process of the bench printed so far. */
    String logs() {
        StringBuilder text = new StringBuilder();
        workers.forEach((node, worker) -> text.append("--- worker ").append(node).append('\n').append(describe(worker)).append('\n'));
        others.forEach(process -> text.append("--- ").append(process.out().getFileName()).append('\n').append(describe(process)).append('\n'));
        return text.toString();
    }

    private static String describe(CliProcess.Started started) {
        try {
            return Files.readString(started.out()) + Files.readString(started.err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a query on the bench's database, each as a list of its columns. */
    List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "root", "")) {
            return SqlRows.query(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).getFirst().getFirst()).longValue();
    }

    /** Kills every process of the bench, deletes its queues and drops its database. */
    @Override
    public void close() throws Exception {
        all.forEach(process -> process.process().destroyForcibly());
        for (CliProcess.Started started : all) {
            started.process().waitFor();
        }
        try {
            List<List<Object>> ids = rows("SELECT REPOSITORY_ID FROM EB_REPOSITORY");
            if (!ids.isEmpty()) {
                CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
                connections.setUsername("guest");
                connections.setPassword("guest");
                try {
                    new AmqpTopology((String) ids.getFirst().getFirst()).delete(new RabbitAdmin(connections), workers.keySet());
                } finally {
                    connections.destroy();
                }
            }
        } catch (RuntimeException e) {
            // The broker may be the thing a test stopped; its queues expire on their own after a day.
        }
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
