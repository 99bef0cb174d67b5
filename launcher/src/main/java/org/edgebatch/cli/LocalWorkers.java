package org.edgebatch.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgebatch.credentials.Credentials;
import org.edgebatch.credentials.SecretUrls;
import org.edgebatch.partition.registry.NodeRegistry;

/**
 * Worker processes started on this machine ({@code edgebatch worker}, one per node), as {@code demo --distributed} and
 * {@code bench distributed} use them: same Java, same EdgeBatch, passwords handed over in the environment rather than
 * on a command line others can read; logs in a folder. Closing stops them as Ctrl-C would.
 */
final class LocalWorkers implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(70);

    /** One node's worker: its id, allowed folder, and what runs before java (e.g. {@code taskset -c 0}) if anything. */
    record Node(String id, Path folder, List<String> commandPrefix) {
        Node(String id, Path folder) {
            this(id, folder, List.of());
        }
    }

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();

    private LocalWorkers() {
    }

    /**
     * Starts one worker per node.
     *
     * @param brokerUrl   the broker URL (a password in it goes to the workers' environment, not their arguments)
     * @param databaseUrl the job repository URL (likewise)
     * @param threads     inference threads of each worker
     */
    static LocalWorkers start(List<Node> nodes, String brokerUrl, String databaseUrl, int threads, Path logFolder,
                              List<String> extraArguments) throws IOException {
        Files.createDirectories(logFolder);
        LocalWorkers workers = new LocalWorkers();
        try {
            for (Node node : nodes) {
                List<String> command = new ArrayList<>(node.commandPrefix());
                command.addAll(javaCommand());
                command.addAll(List.of("worker", "--node-id", node.id(), "--allow", node.folder().toString(),
                        "--broker", SecretUrls.strip(brokerUrl), "--db", SecretUrls.strip(databaseUrl), "--threads",
                        Integer.toString(threads)));
                command.addAll(extraArguments);
                Path log = logFolder.resolve("worker-" + node.id() + ".log");
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                passPassword(builder, Credentials.BROKER_PASSWORD_VARIABLE, SecretUrls.password(brokerUrl));
                passPassword(builder, Credentials.DB_PASSWORD_VARIABLE, SecretUrls.password(databaseUrl));
                workers.logs.put(node.id(), log);
                workers.processes.put(node.id(), builder.start());
            }
        } catch (IOException | RuntimeException e) {
            workers.close();
            throw e;
        }
        return workers;
    }

    private static void passPassword(ProcessBuilder builder, String variable, String password) {
        if (password != null) {
            builder.environment().put(variable, password);
        }
    }

    /** This JVM's java, with the flags EdgeBatch needs, running this EdgeBatch's command line. */
    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-Duser.home=" + System.getProperty("user.home")));
        Path code;
        try {
            code = Path.of(EdgeBatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where EdgeBatch runs from: " + e.getMessage(), e);
        }
        if (code.toString().endsWith(".jar")) {
            command.addAll(List.of("-jar", code.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), EdgeBatch.class.getName()));
        }
        return command;
    }

    /**
     * Waits until every worker is alive in the registry with its inventory published.
     *
     * @throws CommandRefusal when a worker ends first (with the end of its log) or the deadline passes
     */
    void awaitReady(NodeRegistry registry, Duration nodeTimeout, Duration deadline) throws InterruptedException, IOException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            for (Map.Entry<String, Process> worker : processes.entrySet()) {
                if (!worker.getValue().isAlive()) {
                    throw new CommandRefusal("the worker of " + worker.getKey() + " ended (exit " + worker.getValue().exitValue()
                            + "): " + tail(logs.get(worker.getKey())));
                }
            }
            long now = registry.now();
            long ready = registry.nodes().stream()
                    .filter(node -> processes.containsKey(node.nodeId()) && node.alive(now, nodeTimeout) && node.inventoryAt() != null
                            && processes.get(node.nodeId()).pid() == node.pid())
                    .count();
            if (ready == processes.size()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new CommandRefusal("the workers did not register within " + deadline.toSeconds() + " s; their logs: " + logs.values());
            }
            Thread.sleep(250);
        }
    }

    /** The worker process of a node. */
    Process process(String nodeId) {
        return processes.get(nodeId);
    }

    Map<String, Path> logs() {
        return logs;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /** Stops every worker as Ctrl-C would (after its current chunk), forcibly if it takes too long. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
