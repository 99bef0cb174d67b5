package org.edgebatch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.edgebatch.partition.worker.EdgeWorker;
import org.edgebatch.partition.worker.WorkerSettings;
import org.edgebatch.repository.RepositorySchema;
import org.edgebatch.spec.NodeSpec;
import org.edgebatch.spec.TargetSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgebatch worker}: serves one node of distributed mode until asked to stop. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Runs the worker of one node in distributed mode: registers the node, publishes the video files under"
                + " its allow-list, heart-beats, and runs the partitions the manager sends to the node's queue.",
                "Ctrl-C or SIGTERM: takes no more partitions, stops those running after their current chunk (STOPPED,"
                        + " restartable) and leaves the registry.",
                "Exit code: 0 after a clean stop, 1 when another worker took the node id over, 2 when it could not start"
                        + " (node id held by a live worker, broker or database unreachable, no allow-listed folder)."})
final class WorkerCommand implements Callable<Integer> {

    /** How long a stopping worker waits for its partitions to reach the end of their chunk. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--node-id", required = true, paramLabel = "ID", description = "The node this worker serves (unique among live workers).")
    String nodeId;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label a 'label:<key>=<value>' target selects on (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--allow", required = true, paramLabel = "PATH", description = "A folder (or file) this node may read (repeatable).")
    List<Path> allow = new ArrayList<>();

    @Option(names = "--include", paramLabel = "GLOB", description = "File names that count as video in the node's inventory"
            + " (repeatable; default *.mp4 *.mkv *.avi *.mov *.m4v *.webm *.ts).")
    List<String> include = new ArrayList<>();

    @Mixin
    DatabaseOption database;

    @Mixin
    BrokerOption broker;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Inference threads of this node (default: the available processors).")
    int threads;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Partitions (videos) run at once, sharing the node's model session (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws InterruptedException {
        FfmpegLogLevel.apply();
        PrintWriter out = commandSpec.commandLine().getOut();
        if (broker.value == null) {
            throw new CommandRefusal("a worker needs --broker amqp://user@host:5672/vhost (the manager's broker)");
        }
        WorkerSettings settings = settings();
        int nodeThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        JobContext.Mode.Worker mode = new JobContext.Mode.Worker(BrokerOption.settings(broker.value), settings, nodeThreads);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (JobContext context = JobContext.open(database.url(), mode, true)) {
            EdgeWorker worker = context.bean(EdgeWorker.class);
            worker.start();
            Thread hook = Thread.ofPlatform().name("edgebatch-worker-stop").unstarted(() -> {
                out.println("Worker " + nodeId + ": stopping after the current chunk of each partition...");
                out.flush();
                worker.stop(STOP_GRACE);
                stopped.countDown();
                try {
                    // The JVM ends when this hook returns: let the command close the context first.
                    closed.await(STOP_GRACE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            String queue = context.bean(AmqpTopology.class).queue(nodeId);
            out.println("Worker " + nodeId + " ready: " + worker.inventory().size() + " video file(s) under " + settings.allowList()
                    + ", " + nodeThreads + " inference thread(s), " + concurrency + " partition(s) at once; repository "
                    + context.databaseUrl() + " (schema " + context.bean(RepositorySchema.class).version() + "), queue " + queue
                    + " on " + mode.broker());
            out.flush();
            String reason = worker.awaitEnd();
            if (!reason.isEmpty()) {
                Runtime.getRuntime().removeShutdownHook(hook);
                worker.stop(STOP_GRACE);
                throw new IllegalStateException("worker " + nodeId + " stopped: " + reason);
            }
            // Ended by the shutdown hook: let it finish leaving before the context closes.
            stopped.await();
            return ExitCodes.COMPLETED;
        } finally {
            closed.countDown();
        }
    }

    private WorkerSettings settings() {
        if (!NodeSpec.ID_PATTERN.matcher(nodeId).matches()) {
            throw new CommandRefusal("--node-id must be " + NodeSpec.ID_RULE + ", was '" + nodeId + "'");
        }
        Map<String, String> labelMap = new LinkedHashMap<>();
        for (String label : labels) {
            int equals = label.indexOf('=');
            if (equals <= 0 || !TargetSpec.LABEL_PART.matcher(label.substring(0, equals)).matches()
                    || !TargetSpec.LABEL_PART.matcher(label.substring(equals + 1)).matches()) {
                throw new CommandRefusal("--label must be KEY=VALUE of letters, digits, '.', '_', '/' or '-', was '" + label + "'");
            }
            labelMap.put(label.substring(0, equals), label.substring(equals + 1));
        }
        List<Path> roots = allow.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        if (roots.stream().noneMatch(Files::exists)) {
            throw new CommandRefusal("none of the allow-listed paths exists: " + roots);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new CommandRefusal("--concurrency must be 1..256, was " + concurrency);
        }
        if (threads < 0 || threads > 256) {
            throw new CommandRefusal("--threads must be 1..256, was " + threads);
        }
        String version = EdgeBatch.class.getPackage().getImplementationVersion();
        return new WorkerSettings(nodeId, labelMap, roots, include, concurrency, version == null ? "dev" : version);
    }
}
