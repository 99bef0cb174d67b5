package org.edgebatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.time.Duration;
import org.edgebatch.models.ModelCache;
import org.edgebatch.credentials.SecretUrls;
import org.edgebatch.job.EdgeBatchProperties;
import org.edgebatch.job.EventView;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch demo}: runs the job on sample footage with two logical nodes, each holding its own folder of clips,
 * and says where the events, snapshots and report are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Runs the video inference job on sample footage with two logical nodes (node-a, node-b), each reading"
                + " its own folder, and prints where the events, snapshots and report are.",
                "--distributed: the same through two worker processes started here, over RabbitMQ and MariaDB, and says"
                        + " which node processed which file.",
                "Data: --data, else $EDGEBATCH_DATA, else ../shared/data beside the EdgeBatch folder: clips from its video/"
                        + " folder (or footage rendered from its images/), a YOLOv5 ONNX model from its models/ folder.",
                "Exit code: 0 when the job COMPLETED, 1 when it did not, 2 when it could not start, 3 when there is no model."})
final class DemoCommand implements Callable<Integer> {

    static final List<String> NODES = List.of("node-a", "node-b");
    static final String DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672/";
    static final String DEFAULT_BROKER_SHOWN = "amqp://guest@127.0.0.1:5672/";
    static final String DEFAULT_DATABASE = "jdbc:mariadb://127.0.0.1:3306/edgebatch_demo?user=root&createDatabaseIfNotExist=true";
    private static final Duration WORKERS_READY = Duration.ofSeconds(180);
    static final String SPEC_FILE = "demo.yaml";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (models/, video/, images/).")
    Path data;

    @Option(names = "--model", paramLabel = "PATH", description = "The YOLOv5 ONNX model (default: <data>/models/yolov5n_coco_fp16.onnx or any yolov5*.onnx there).")
    Path model;

    @Option(names = "--output", paramLabel = "DIR", description = "The demo's folder: node folders, spec, results (default: ~/.edgebatch/demo).")
    Path output;

    @Mixin
    DatabaseOption database;

    @Option(names = "--distributed", description = "Run through two local worker processes (node-a, node-b) over RabbitMQ and"
            + " MariaDB instead of in this process (defaults: " + DEFAULT_BROKER_SHOWN + ", " + DEFAULT_DATABASE + ").")
    boolean distributed;

    @Mixin
    BrokerOption broker;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws IOException, InterruptedException {
        FfmpegLogLevel.apply();
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        DemoData demoData = DemoData.locate(data, System.getenv("EDGEBATCH_DATA"), System.getProperty("edgebatch.home"));
        Path modelFile = model != null ? model.toAbsolutePath() : demoData.model().orElse(null);
        if (modelFile == null || !Files.isRegularFile(modelFile)) {
            err.println(noModel(demoData, modelFile));
            err.flush();
            return ExitCodes.NO_MODEL;
        }
        List<Path> clips = demoData.clips();
        List<Path> images = demoData.images();
        if (clips.isEmpty() && images.isEmpty()) {
            throw new CommandRefusal("no sample footage: " + demoData.folder().resolve("video") + " has no clips ("
                    + String.join(", ", DemoData.VIDEO_EXTENSIONS) + ") and " + demoData.folder().resolve("images")
                    + " no images to render footage from; set --data or EDGEBATCH_DATA to a folder that has them, or run"
                    + " edgebatch models pull " + DemoData.PULL_CLIP);
        }
        Path folder = (output != null ? output : JobSpec.edgebatchHome().resolve("demo")).toAbsolutePath().normalize();
        List<Path> nodeFolders = new ArrayList<>();
        for (String node : NODES) {
            nodeFolders.add(Files.createDirectories(folder.resolve(node)));
        }
        long started = System.nanoTime();
        if (distributed) {
            return distributed(demoData, modelFile, clips, folder, nodeFolders, started, out, err);
        }
        try (JobSession session = JobSession.openToRun(database.url(), new JobContext.Mode.Embedded(), err)) {
            String footage;
            if (!clips.isEmpty()) {
                placeClips(clips, nodeFolders);
                footage = clips.size() + " clip(s) from " + demoData.folder().resolve("video");
            } else {
                out.println("No clips in " + demoData.folder().resolve("video") + "; rendering sample footage from "
                        + demoData.folder().resolve("images") + " ...");
                out.flush();
                new DemoFootage(session.bean(OrtRuntime.class), modelFile)
                        .render(images, nodeFolders.stream().map(dir -> dir.resolve("walk.mp4")).toList());
                footage = "footage rendered from " + images.size() + " image(s) in " + demoData.folder().resolve("images");
            }
            Path specFile = Files.writeString(folder.resolve(SPEC_FILE), spec(folder, modelFile, session.databaseUrl()));
            JobSpec spec = new JobSpecLoader().load(specFile);
            out.println("Demo: " + footage + ", nodes " + String.join(" and ", NODES) + ", model " + modelFile);
            out.println("Spec:  " + specFile + "  (run it again with: edgebatch run " + specFile + ")");
            out.flush();
            JobRun run = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow();
            RunOutcome outcome = new RunOutcomePrinter(session, out, false, false).print(session.follow(run, progress.mode));
            printWhere(outcome, session.executions().events(outcome.jobExecutionId()), folder, session.bean(OutputLayout.class), out);
            out.printf(Locale.ROOT, "Demo %s in %.0f s%n", outcome.status(), (System.nanoTime() - started) / 1e9);
            out.flush();
            return outcome.completed() ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
        }
    }

    /**
     * The demo through two worker processes on this machine: each serves one node and allow-lists its folder; the
     * manager here sends each file's partitions to the node that holds it, then says which node processed which file.
     */
    private int distributed(DemoData demoData, Path modelFile, List<Path> clips, Path folder, List<Path> nodeFolders,
                            long started, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (clips.isEmpty()) {
            throw new CommandRefusal("demo --distributed needs sample clips in " + demoData.folder().resolve("video"));
        }
        String brokerUrl = broker.value != null ? broker.value : DEFAULT_BROKER;
        String databaseUrl = database.value != null ? database.url() : DEFAULT_DATABASE;
        placeClips(clips, nodeFolders);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / NODES.size());
        JobContext.Mode mode = new JobContext.Mode.Manager(BrokerOption.settings(brokerUrl));
        try (JobSession session = JobSession.openToRun(databaseUrl, mode, err)) {
            List<LocalWorkers.Node> nodes = new ArrayList<>();
            for (int i = 0; i < NODES.size(); i++) {
                nodes.add(new LocalWorkers.Node(NODES.get(i), nodeFolders.get(i)));
            }
            out.println("Starting workers " + String.join(" and ", NODES) + " (logs in " + folder.resolve("logs") + ") ...");
            out.flush();
            try (LocalWorkers workers = LocalWorkers.start(nodes, brokerUrl, databaseUrl, threads, folder.resolve("logs"), List.of())) {
                workers.awaitReady(session.bean(NodeRegistry.class), session.bean(EdgeBatchProperties.class).nodeTimeout(),
                        WORKERS_READY);
                Path specFile = Files.writeString(folder.resolve(SPEC_FILE), distributedSpec(folder, nodeFolders, modelFile,
                        session.databaseUrl(), SecretUrls.strip(brokerUrl)));
                JobSpec spec = new JobSpecLoader().load(specFile);
                out.println("Demo: " + clips.size() + " clip(s) from " + demoData.folder().resolve("video") + ", worker processes "
                        + String.join(" and ", NODES) + " through " + SecretUrls.mask(brokerUrl) + ", model " + modelFile);
                out.println("Spec:  " + specFile);
                out.flush();
                JobRun run = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow();
                RunOutcome outcome = new RunOutcomePrinter(session, out, false, false).print(session.follow(run, progress.mode));
                printWhoDidWhat(session.executions().status(outcome.jobExecutionId()), out);
                printWhere(outcome, session.executions().events(outcome.jobExecutionId()), folder, session.bean(OutputLayout.class), out);
                out.printf(Locale.ROOT, "Demo %s in %.0f s%n", outcome.status(), (System.nanoTime() - started) / 1e9);
                out.flush();
                return outcome.completed() ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
            }
        }
    }

    /** Which node (worker process, host) processed which file. */
    private static void printWhoDidWhat(JobStatusView status, PrintWriter out) {
        out.println();
        out.println("Which node processed which file (detect step):");
        TextTable table = new TextTable("node", "host", "status", ">frames", "file");
        status.partitions().stream().filter(partition -> partition.step().equals("detectWorker")).forEach(partition ->
                partition.files().forEach(file -> table.row(partition.node(), partition.host(), partition.status(),
                        file.framesDone() + "/" + file.frames(), file.video())));
        table.print(out, "  ");
    }

    /** Sampling, motion gate and event classes of both demos' specs, at the top level of the YAML. */
    private static final String WHAT_THE_DEMO_DETECTS = """
            # Two frames a second, and only frames that move, keep the demo quick on two cores.
            sampling:
              fps: 2
            motion:
              enabled: true
            events:
              classes: [person, car]
            """;

    /** The distributed demo's spec: no logical nodes (the workers are the nodes), the broker, the two folders. */
    static String distributedSpec(Path folder, List<Path> nodeFolders, Path modelFile, String databaseUrl, String brokerUrl) {
        return """
                # Written by 'edgebatch demo --distributed'. Every field is explained in samples/lobby-cameras.yaml.
                name: demo-distributed
                input:
                  paths: [%s]
                model:
                  path: %s
                %s
                publish:
                  target: %s
                output: %s
                database: %s
                broker: %s
                """.formatted(nodeFolders.stream().map(path -> quoted(path.toString())).collect(java.util.stream.Collectors.joining(", ")),
                quoted(modelFile.toString()), WHAT_THE_DEMO_DETECTS.strip(), quoted(folder.resolve("central").toUri().toString()),
                quoted(folder.resolve("output").toString()), quoted(databaseUrl), quoted(brokerUrl));
    }

    /**
     * Gives each node its own folder of clips, balanced by bytes, largest first. Hard links (copies where the file
     * system cannot link): a node's allow-list is its folder, and a symbolic link to the data folder would rightly be
     * refused as leading outside it.
     */
    static void placeClips(List<Path> clips, List<Path> nodeFolders) throws IOException {
        long[] bytes = new long[nodeFolders.size()];
        List<Path> largestFirst = new ArrayList<>(clips);
        largestFirst.sort(Comparator.comparingLong(DemoCommand::size).reversed().thenComparing(Comparator.naturalOrder()));
        for (Path folder : nodeFolders) {
            try (Stream<Path> old = Files.list(folder)) {
                // A clip placed by an earlier demo on the other node would be read twice.
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        for (Path clip : largestFirst) {
            int node = 0;
            for (int i = 1; i < bytes.length; i++) {
                if (bytes[i] < bytes[node]) {
                    node = i;
                }
            }
            Path target = nodeFolders.get(node).resolve(clip.getFileName());
            try {
                Files.createLink(target, clip);
            } catch (FileSystemException | UnsupportedOperationException e) {
                Files.copy(clip, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            bytes[node] += size(clip);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo's spec: two nodes, each allow-listing its own folder; quick on two cores. */
    static String spec(Path folder, Path modelFile, String databaseUrl) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / NODES.size());
        StringBuilder nodes = new StringBuilder();
        for (String node : NODES) {
            nodes.append("  - id: ").append(node).append("\n    paths: [").append(node).append("]\n");
        }
        return """
                # Written by 'edgebatch demo'. Every field is explained in samples/lobby-cameras.yaml.
                name: demo
                input:
                  paths: [%s]
                nodes:
                %s
                model:
                  path: %s
                %s
                publish:
                  target: %s
                # Each node has its own model session; together they use the available processors.
                threads: %d
                output: output
                database: %s
                """.formatted(String.join(", ", NODES), nodes.toString().stripTrailing(), quoted(modelFile.toString()),
                WHAT_THE_DEMO_DETECTS.strip(), quoted(folder.resolve("central").toUri().toString()), threads, quoted(databaseUrl));
    }

    private static String quoted(String text) {
        return JsonOutput.line(text);
    }

    private static void printWhere(RunOutcome outcome, List<EventView> events, Path folder, OutputLayout layout, PrintWriter out) {
        Map<String, Long> byLabel = new java.util.TreeMap<>();
        events.forEach(event -> byLabel.merge(event.label(), 1L, Long::sum));
        long snapshots = events.stream().filter(event -> event.snapshot() != null && Files.isRegularFile(Path.of(event.snapshot()))).count();
        out.println();
        out.printf(Locale.ROOT, "Person events: %d, car events: %d%n", byLabel.getOrDefault("person", 0L), byLabel.getOrDefault("car", 0L));
        out.println("Snapshots:  " + snapshots + " annotated JPEG(s) beside the event JSON files in " + outcome.eventsFolder() + "/<node>/");
        out.println("Published:  " + layout.published(folder.resolve("central"), outcome.jobName(), outcome.jobExecutionId(), "<node>")
                + "/ (with manifest.json)");
        out.println("Events:     edgebatch events " + outcome.jobExecutionId() + "   Status: edgebatch status " + outcome.jobExecutionId());
    }

    private static String noModel(DemoData data, Path given) {
        String what = given != null ? "the model " + given + " does not exist"
                : "no YOLOv5 model found (looked for " + data.models().resolve(DemoData.DEFAULT_MODEL) + " and "
                        + data.models().resolve("yolov5*.onnx") + ")";
        return "edgebatch demo: " + what + ".\n"
                + "  Download one (and a clip) into " + ModelCache.folder() + ", where demo looks after $EDGEBATCH_DATA:\n"
                + "    edgebatch models pull " + DemoData.PULL_MODEL + " && edgebatch models pull " + DemoData.PULL_CLIP + "\n"
                + "  Or export it yourself from the official YOLOv5 repository:\n"
                + "    git clone https://github.com/ultralytics/yolov5 && cd yolov5\n"
                + "    pip install -r requirements.txt onnx\n"
                + "    python export.py --weights yolov5n.pt --include onnx\n"
                + "  then put yolov5n.onnx into " + data.models() + "/ or run: edgebatch demo --model /path/to/yolov5n.onnx";
    }
}
