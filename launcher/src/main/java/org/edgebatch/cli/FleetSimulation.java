package org.edgebatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.edgebatch.credentials.Credentials;
import org.edgebatch.job.DatabaseClock;
import org.edgebatch.job.VideoPlan;
import org.edgebatch.partition.amqp.AmqpTopology;
import org.edgebatch.partition.amqp.BrokerSettings;
import org.edgebatch.partition.amqp.PartitionRequestCodec;
import org.edgebatch.partition.amqp.PartitionRequestSender;
import org.edgebatch.partition.registry.NodeFile;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.partition.registry.RegistryInventoryPlanner;
import org.edgebatch.partition.registry.WorkerRegistration;
import org.edgebatch.repository.RepositorySchema;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.step.SqlDialect;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fleet of simulated nodes without video, to see what hundreds of nodes cost the shared services: each node's
 * registration and inventory, one round of heart-beats, planning a job over every node's files (the registry read
 * the manager does), and sending one partition request per file to every node's queue with publisher confirms.
 * Statements are counted with the server's per-user statistics; the simulation logs in as the manager's user.
 */
final class FleetSimulation {

    private static final String DATABASE = "edgebatch_bench_fleet";

    private final ServerStatistics statistics;
    private final String server;
    private final String broker;
    private final String user;
    private final String password;

    FleetSimulation(ServerStatistics statistics, String server, String broker, String user, String password) {
        this.statistics = statistics;
        this.server = server;
        this.broker = broker;
        this.user = user;
        this.password = password;
    }

    void run(int nodes, int filesPerNode, PrintWriter out) throws Exception {
        out.println();
        out.printf(Locale.ROOT, "Fleet: %d simulated nodes x %d files (no video)%n", nodes, filesPerNode);
        out.flush();
        statistics.recreateDatabase(DATABASE);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(server + DATABASE, user, password, true);
        try {
            new RepositorySchema(dataSource).migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            NodeRegistry registry = new NodeRegistry(jdbc, new DataSourceTransactionManager(dataSource),
                    new DatabaseClock(jdbc, SqlDialect.MARIADB, Clock.systemUTC()));
            Measured registration = measure(() -> {
                for (int n = 0; n < nodes; n++) {
                    String nodeId = nodeId(n);
                    registry.register(new WorkerRegistration(nodeId, "worker-" + n, "sim-" + n, 1000 + n, "bench",
                            Map.of("site", "s" + n % 10), List.of(Path.of("/data")), 2, 1), Duration.ofSeconds(30));
                    List<NodeFile> files = new ArrayList<>();
                    for (int f = 0; f < filesPerNode; f++) {
                        files.add(new NodeFile(nodeId, Path.of("/data/cam-" + f + ".mp4"), 50_000_000, Instant.ofEpochSecond(1_700_000_000),
                                15_000, 25, 600_000_000L, 1920, 1080, null));
                    }
                    registry.publishInventory(nodeId, "worker-" + n, files);
                }
                return nodes;
            });
            out.printf(Locale.ROOT, "  registration + inventory: %.1f ms and %.1f statements per node%n",
                    registration.millis / nodes, registration.commands.total() / (double) nodes);
            Measured beats = measure(() -> {
                for (int n = 0; n < nodes; n++) {
                    registry.beat(nodeId(n), "worker-" + n);
                }
                return nodes;
            });
            out.printf(Locale.ROOT, "  one heart-beat each: %.2f ms and %.1f statements per beat; every 5 s that is %.0f updates/s"
                    + " on EB_NODE%n", beats.millis / nodes, beats.commands.total() / (double) nodes, nodes / 5.0);
            JobSpec spec = new JobSpecLoader().read("fleet", """
                    name: fleet
                    input: {paths: [/data]}
                    model: {path: "%s"}
                    """.formatted(anyExistingFile()));
            RegistryInventoryPlanner planner = new RegistryInventoryPlanner(registry, Duration.ofSeconds(30));
            VideoPlan[] plan = new VideoPlan[1];
            Measured planning = measure(() -> {
                plan[0] = planner.plan(spec);
                return plan[0].videos().size();
            });
            out.printf(Locale.ROOT, "  planning: %d partitions per step on %d nodes in %.0f ms, %d statements%n",
                    plan[0].videos().size(), plan[0].nodeIds().size(), planning.millis, planning.commands.total());
            route(plan[0], out);
        } finally {
            dataSource.destroy();
            statistics.recreateDatabase(DATABASE);
        }
    }

    /** Declares every node's queue and sends one request per planned file, as the manager's detect step would. */
    private void route(VideoPlan plan, PrintWriter out) {
        BrokerSettings settings = BrokerSettings.parse(broker, Credentials.ofProcess(JobSpec.edgebatchHome()));
        CachingConnectionFactory connections = settings.connectionFactory();
        try {
            String repository = UUID.randomUUID().toString();
            AmqpTopology topology = new AmqpTopology(repository);
            RabbitAdmin admin = new RabbitAdmin(connections);
            RabbitTemplate template = new RabbitTemplate(connections);
            template.setMandatory(true);
            long started = System.nanoTime();
            topology.declare(admin, plan.nodeIds());
            double declareMillis = (System.nanoTime() - started) / 1e6;
            // Outside an application context: the one bean Spring Integration's endpoint looks up.
            DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
            beans.registerSingleton("integrationEvaluationContext", new StandardEvaluationContext());
            PartitionRequestSender sender = new PartitionRequestSender(template, topology, new PartitionRequestCodec(repository),
                    Duration.ofSeconds(30), beans);
            started = System.nanoTime();
            long id = 1;
            for (var video : plan.videos()) {
                sender.send(video.nodeId(), new StepExecutionRequest("detectWorker", id++), 1);
            }
            double sendMillis = (System.nanoTime() - started) / 1e6;
            out.printf(Locale.ROOT, "  routing: %d queues declared in %.0f ms; %d requests sent with confirms in %.0f ms"
                    + " (%.2f ms each, %.0f/s)%n", plan.nodeIds().size(), declareMillis, plan.videos().size(), sendMillis,
                    sendMillis / plan.videos().size(), plan.videos().size() * 1000 / sendMillis);
            topology.delete(admin, plan.nodeIds());
        } finally {
            connections.destroy();
        }
    }

    private static String nodeId(int n) {
        return String.format(Locale.ROOT, "sim-%05d", n);
    }

    private static Path anyExistingFile() throws java.io.IOException {
        return java.nio.file.Files.createTempFile("fleet-model", ".onnx");
    }

    private record Measured(double millis, ServerStatistics.Commands commands) {
    }

    @FunctionalInterface
    private interface Work {
        int run() throws Exception;
    }

    private Measured measure(Work work) throws Exception {
        ServerStatistics.Commands before = statistics.commands(user);
        long started = System.nanoTime();
        work.run();
        double millis = (System.nanoTime() - started) / 1e6;
        return new Measured(millis, statistics.commands(user).minus(before));
    }
}
