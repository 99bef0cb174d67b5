package org.edgebatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.edgebatch.bench.job.BenchFootage;
import org.edgebatch.job.EdgeBatchProperties;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch bench distributed}: how distributed mode scales and what the manager costs, on this machine's
 * RabbitMQ and MariaDB. Two worker processes, each pinned to one core, against one worker alone on one core over the
 * same 1080p footage (alternated rounds, median ratio); the manager's database commands, CPU and messages per
 * partition on many small files; and planning and routing for a simulated fleet ({@link FleetSimulation}).
 */
@Command(name = "distributed", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Scaling: two worker processes (node-a on core 0, node-b on core 1, one inference thread each) run"
                + " the job over one 1080p25 clip each, alternated with node-a alone over its clip; the detect step's"
                + " frames/s, and the median over rounds of all / (2 x alone): the scaling efficiency.",
                "Overhead: a job over --overhead-files small clips per node (key frames only); the manager's database"
                        + " commands (MariaDB's per-user statistics: the manager logs in as a user of its own), CPU time and"
                        + " requests sent per partition.",
                "Fleet: --fleet-nodes simulated nodes with --fleet-files files each (no video): registration, heart-beats,"
                        + " planning, and sending one request per file to every node's queue."})
final class BenchDistributedCommand implements Callable<Integer> {

    static final String MANAGER_USER = "eb_bench_manager";
    static final String MANAGER_PASSWORD = "eb-bench-manager";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @CommandLine.Mixin
    BenchModelOptions modelOptions;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each node's clip, at 25 fps (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Two-worker / one-worker rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--overhead-files", defaultValue = "30", description = "Small clips per node for the overhead part (default: ${DEFAULT-VALUE}; 0 skips it).")
    int overheadFiles;

    @Option(names = "--fleet-nodes", defaultValue = "1000", description = "Simulated nodes (default: ${DEFAULT-VALUE}; 0 skips the fleet part).")
    int fleetNodes;

    @Option(names = "--fleet-files", defaultValue = "10", description = "Files per simulated node (default: ${DEFAULT-VALUE}).")
    int fleetFiles;

    @Option(names = "--skip-scaling", description = "Leave the scaling part out.")
    boolean skipScaling;

    @Option(names = "--server", paramLabel = "JDBC_URL", defaultValue = "jdbc:mariadb://127.0.0.1:3306/",
            description = "The MariaDB/MySQL server, as root (default: ${DEFAULT-VALUE}); databases edgebatch_bench and edgebatch_bench_fleet are made there.")
    String server;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = DemoCommand.DEFAULT_BROKER, description = "The RabbitMQ broker.")
    String broker;

    @Option(names = "--work", paramLabel = "DIR", description = "Footage, node folders and outputs (default: ~/.edgebatch/bench-distributed).")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (!BenchLibraries.onClassPath()) {
            return BenchLibraries.relaunch(commandSpec);
        }
        FfmpegLogLevel.apply();
        PrintWriter out = commandSpec.commandLine().getOut();
        DemoData demoData = modelOptions.dataFolder();
        Path modelFile = modelOptions.modelFile();
        Path folder = (work != null ? work : JobSpec.edgebatchHome().resolve("bench-distributed")).toAbsolutePath();
        ServerStatistics statistics = ServerStatistics.enable(server);
        statistics.createUser(MANAGER_USER, MANAGER_PASSWORD, "edgebatch_bench", "edgebatch_bench_fleet");
        String workerDb = server + "edgebatch_bench?user=root&createDatabaseIfNotExist=true";
        String managerDb = server + "edgebatch_bench?user=" + MANAGER_USER + "&password=" + MANAGER_PASSWORD;
        statistics.recreateDatabase("edgebatch_bench");
        Path nodeA = Files.createDirectories(folder.resolve("node-a"));
        Path nodeB = Files.createDirectories(folder.resolve("node-b"));
        prepareFootage(demoData, folder, nodeA, nodeB, out);
        JobContext.Mode mode = new JobContext.Mode.Manager(BrokerOption.settings(broker));
        try (JobSession session = JobSession.open(managerDb, mode, commandSpec.commandLine().getErr());
             LocalWorkers workers = LocalWorkers.start(List.of(
                             new LocalWorkers.Node("node-a", nodeA, List.of("taskset", "-c", "0")),
                             new LocalWorkers.Node("node-b", nodeB, List.of("taskset", "-c", "1"))),
                     broker, workerDb, 1, folder.resolve("logs"), List.of())) {
            workers.awaitReady(session.bean(NodeRegistry.class), session.bean(EdgeBatchProperties.class).nodeTimeout(),
                    Duration.ofMinutes(3));
            out.printf(Locale.ROOT, "Workers node-a (core 0) and node-b (core 1) ready; model %s%n", modelFile.getFileName());
            out.flush();
            if (!skipScaling) {
                scaling(session, folder, nodeA, nodeB, modelFile, out);
            }
            if (overheadFiles > 0) {
                overhead(session, statistics, folder, nodeA, nodeB, modelFile, out);
            }
        }
        if (fleetNodes > 0) {
            new FleetSimulation(statistics, server, broker, MANAGER_USER, MANAGER_PASSWORD).run(fleetNodes, fleetFiles, out);
        }
        statistics.restore();
        return ExitCodes.COMPLETED;
    }

    private void prepareFootage(DemoData demoData, Path folder, Path nodeA, Path nodeB, PrintWriter out) throws IOException {
        Path videos = Files.createDirectories(folder.resolve("videos"));
        Path clip = BenchFootage.clip(videos, seconds);
        if (!Files.exists(clip)) {
            out.println("Rendering " + seconds + " s of 1080p25 footage into " + clip + " ...");
            out.flush();
            BenchFootage.render(demoData.folder(), clip, seconds);
        }
        for (Path node : List.of(nodeA, nodeB)) {
            Path scale = Files.createDirectories(node.resolve("scale"));
            try (var old = Files.list(scale)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            link(clip, scale.resolve(clip.getFileName()));
        }
        Path tiny = videos.resolve("tiny-320x180-2s.mp4");
        if (!Files.exists(tiny)) {
            renderTiny(demoData.folder(), tiny);
        }
        for (Path node : List.of(nodeA, nodeB)) {
            Path small = Files.createDirectories(node.resolve("small"));
            for (int i = 0; i < overheadFiles; i++) {
                Path target = small.resolve("clip-" + i + ".mp4");
                if (!Files.exists(target)) {
                    link(tiny, target);
                }
            }
        }
    }

    private static void renderTiny(Path dataFolder, Path file) throws IOException {
        var background = javax.imageio.ImageIO.read(dataFolder.resolve("images").resolve("bus.jpg").toFile());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        org.edgebatch.video.FootageRenderer.builder().size(320, 180).fps(10).durationSeconds(2).gop(10).background(background)
                .build().render(partial);
        Files.move(partial, file);
    }

    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileSystemException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
    }

    /** Alternated rounds of both workers against node-a alone; the detect step's frames per second. */
    private void scaling(JobSession session, Path folder, Path nodeA, Path nodeB, Path modelFile, PrintWriter out) throws Exception {
        out.println();
        out.println("Scaling: " + seconds + " s of 1080p25 per node, every frame, one inference thread per worker");
        List<Double> ratios = new ArrayList<>();
        List<Double> ceilings = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        List<Double> alone = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double all = 0;
            double one = 0;
            for (boolean allFirst : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                String target = allFirst ? "all" : "node:node-a";
                double fps = detectRate(session, folder, spec("bench-scale", target, List.of(nodeA.resolve("scale"),
                        nodeB.resolve("scale")), modelFile, "", folder));
                if (allFirst) {
                    all = fps;
                } else {
                    one = fps;
                }
            }
            both.add(all);
            alone.add(one);
            ratios.add(all / (2 * one));
            double ceiling = CoreScaling.measure();
            ceilings.add(ceiling);
            out.printf(Locale.ROOT, "  round %d: two workers %.1f frames/s, one worker %.1f frames/s, efficiency %.3f;"
                    + " the machine's own two-core efficiency now %.3f%n", round, all, one, all / (2 * one), ceiling);
            out.flush();
        }
        out.printf(Locale.ROOT, "  median: two workers %.1f, one worker %.1f frames/s; scaling efficiency %.3f (rounds %s)%n",
                median(both), median(alone), median(ratios), ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
        List<Double> relative = new ArrayList<>();
        for (int i = 0; i < ratios.size(); i++) {
            relative.add(ratios.get(i) / ceilings.get(i));
        }
        out.printf(Locale.ROOT, "  the machine's two-core efficiency (CPU-bound control, same rounds): median %.3f; job efficiency"
                + " relative to it: median %.3f%n", median(ceilings), median(relative));
    }

    /** Runs a spec and returns the frames its detect step inferred per second of the step's wall time. */
    private static double detectRate(JobSession session, Path folder, String yaml) throws Exception {
        Path specFile = Files.writeString(folder.resolve("bench.yaml"), yaml);
        JobSpec spec = new JobSpecLoader().load(specFile);
        JobRun run = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow();
        JobExecution execution = run.await();
        if (!execution.getStatus().name().equals("COMPLETED")) {
            throw new CommandRefusal("bench job " + execution.getId() + " ended " + execution.getStatus() + ": "
                    + session.executions().status(execution.getId()).failure());
        }
        JdbcTemplate jdbc = new JdbcTemplate(session.bean(DataSource.class));
        List<Timestamp[]> times = jdbc.query("SELECT START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME = 'detect'", (rs, row) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)}, execution.getId());
        double seconds = (times.getFirst()[1].getTime() - times.getFirst()[0].getTime()) / 1000.0;
        long frames = session.executions().report(execution.getId()).totals().framesInferred();
        return frames / seconds;
    }

    /** The manager's cost per partition on many small files. */
    private void overhead(JobSession session, ServerStatistics statistics, Path folder, Path nodeA, Path nodeB, Path modelFile,
                          PrintWriter out) throws Exception {
        out.println();
        out.println("Manager overhead: " + overheadFiles + " small clips per node, key frames only");
        String yaml = spec("bench-overhead", "all", List.of(nodeA.resolve("small"), nodeB.resolve("small")), modelFile,
                "sampling: {keyframesOnly: true}\n", folder);
        Path specFile = Files.writeString(folder.resolve("bench-overhead.yaml"), yaml);
        JobSpec spec = new JobSpecLoader().load(specFile);
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ServerStatistics.Commands before = statistics.commands(MANAGER_USER);
        long cpuBefore = cpu.getProcessCpuTime();
        long started = System.nanoTime();
        JobExecution execution = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow().await();
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuMillis = (cpu.getProcessCpuTime() - cpuBefore) / 1e6;
        ServerStatistics.Commands used = statistics.commands(MANAGER_USER).minus(before);
        long partitions = new JdbcTemplate(session.bean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
                + " WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE '%:%'", Long.class, execution.getId());
        out.printf(Locale.ROOT, "  job %s: %d partitions (detect, events per file; publish per node) in %.1f s, %.0f ms a partition%n",
                execution.getStatus(), partitions, wall, wall * 1000 / partitions);
        out.printf(Locale.ROOT, "  manager: %d database commands (%d reads, %d writes, %d other) = %.1f per partition;"
                        + " %.1f ms CPU per partition; 1 request message per partition, no replies (it polls)%n",
                used.total(), used.selects(), used.updates(), used.other(), used.total() / (double) partitions, cpuMillis / partitions);
    }

    static String spec(String name, String target, List<Path> inputs, Path model, String extra, Path folder) {
        return """
                name: %s
                input: {paths: [%s]}
                target: "%s"
                model: {path: "%s"}
                %schunkSize: 16
                events: {snapshot: false}
                publish: {target: none}
                output: "%s"
                """.formatted(name, String.join(", ", inputs.stream().map(path -> "\"" + path + "\"").toList()), target, model, extra,
                folder.resolve("output"));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
