package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.edgebatch.credentials.SecretUrls;
import org.springframework.scheduling.support.CronExpression;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A video inference job as its YAML spec describes it, one record per concern. Every field but {@code name},
 * {@code input.paths} and {@code model.path} has a default; {@link JobSpecLoader} reads and validates a spec, and the
 * commented sample {@code samples/lobby-cameras.yaml} documents every field.
 *
 * @param name        the job's name, also its folder under {@code output}: letters, digits, '.', '_' or '-'; required
 * @param input       the video files to read
 * @param target      the nodes the job runs on (default {@code all})
 * @param model       the detector
 * @param sampling    which frames are inferred (default every frame)
 * @param motion      the motion gate (default off)
 * @param events      what makes an event
 * @param publish     where events go (default {@code file://<output>/outbox})
 * @param chunkSize   frames per chunk, the unit of commit and restart (1..1024, default 16)
 * @param threads     inference threads of each node (1..256, default the available processors): the node infers
 *                    {@code threads / edgebatch.intra-op-threads} frames at once on its one model session
 * @param concurrency partitions (videos) one node works on at once (1..256, default 1); they share the node's one
 *                    model session and inference threads, each decoding its own video
 * @param nodes       the logical nodes of an embedded run; empty: one node {@code local} that may read the input paths
 * @param output      the folder for results and reports (default {@code ~/.edgebatch/output})
 * @param database    the JDBC URL of the job repository (default an H2 file {@code ~/.edgebatch/db/edgebatch}, shared
 *                    between processes so {@code status} works while a job runs)
 * @param broker      the RabbitMQ broker of a distributed run, {@code amqp://user@host:port/vhost} (the password from
 *                    {@code EDGEBATCH_BROKER_PASSWORD} or the credentials file, never the spec); empty: embedded mode
 * @param schedule    a Spring 6-field cron expression ({@code second minute hour day month weekday}) to run the job on; empty: run once
 */
public record JobSpec(String name, InputSpec input, TargetSpec target, ModelSpec model, SamplingSpec sampling,
                      MotionSpec motion, EventsSpec events, PublishSpec publish, int chunkSize, int threads,
                      int concurrency, List<NodeSpec> nodes, Path output, String database, Optional<String> broker,
                      Optional<String> schedule) {

    public static final int DEFAULT_CHUNK_SIZE = 16;
    public static final int MAX_CHUNK_SIZE = 1024;
    public static final int MAX_THREADS = 256;
    public static final int MAX_CONCURRENCY = 256;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public JobSpec {
        Objects.requireNonNull(input, "input must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(sampling, "sampling must not be null");
        Objects.requireNonNull(motion, "motion must not be null");
        Objects.requireNonNull(events, "events must not be null");
        Objects.requireNonNull(publish, "publish must not be null");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(output, "output must not be null");
        Objects.requireNonNull(database, "database must not be null");
        Objects.requireNonNull(broker, "broker must not be null");
        Objects.requireNonNull(schedule, "schedule must not be null");
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static JobSpec bind(String name, InputSpec input, TargetSpec target, ModelSpec model, SamplingSpec sampling,
                        MotionSpec motion, EventsSpec events, PublishSpec publish, Integer chunkSize, Integer threads,
                        Integer concurrency, List<NodeSpec> nodes, Path output, String database, String broker,
                        String schedule) {
        Path outputFolder = output != null ? output : edgebatchHome().resolve("output");
        return new JobSpec(name,
                input != null ? input : InputSpec.absent(),
                target != null ? target : new TargetSpec.AllNodes(),
                model != null ? model : ModelSpec.absent(),
                sampling != null ? sampling : SamplingSpec.everyFrame(),
                motion != null ? motion : MotionSpec.absent(),
                events != null ? events : EventsSpec.absent(),
                publish != null && publish.target() != null ? publish : PublishSpec.folder(outputFolder.resolve("outbox")),
                Objects.requireNonNullElse(chunkSize, DEFAULT_CHUNK_SIZE),
                Objects.requireNonNullElse(threads, defaultThreads()),
                Objects.requireNonNullElse(concurrency, 1),
                SpecValues.list("nodes", nodes),
                outputFolder,
                database != null ? database : defaultDatabase(),
                Optional.ofNullable(broker).filter(url -> !url.isBlank()),
                Optional.ofNullable(schedule));
    }

    /** The available processors, capped at {@link #MAX_THREADS} so the default is always valid. */
    public static int defaultThreads() {
        return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
    }

    /** {@code ~/.edgebatch}, where the defaults keep results and the job repository. */
    public static Path edgebatchHome() {
        return Path.of(System.getProperty("user.home"), ".edgebatch");
    }

    /** The default job repository: an H2 file database under {@code ~/.edgebatch/db}; see {@link #h2FileDatabase}. */
    public static String defaultDatabase() {
        return h2FileDatabase(edgebatchHome().resolve("db").resolve("edgebatch"));
    }

    /**
     * The JDBC URL of an H2 file database at {@code path} (without {@code .mv.db}). {@code AUTO_SERVER=TRUE} lets a
     * second process (a {@code status} command) open it while a job holds it. {@code WRITE_DELAY=0} writes each commit
     * to the file before the commit returns: with H2's default (500 ms) a killed process loses chunks it had already
     * committed, and "restart where it stopped" would quietly redo them.
     */
    public static String h2FileDatabase(Path path) {
        return "jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** The nodes of an embedded run: those declared, or a single node {@code local} that may read the input paths. */
    public List<NodeSpec> embeddedNodes() {
        return nodes.isEmpty() ? List.of(NodeSpec.local(input.paths())) : nodes;
    }

    /** This spec with no password in its database or broker URL: what is stored with a job instance. */
    public JobSpec withoutSecrets() {
        return new JobSpec(name, input, target, model, sampling, motion, events, publish, chunkSize, threads, concurrency,
                nodes, output, SecretUrls.strip(database), broker.map(SecretUrls::strip), schedule);
    }

    /** True when the spec runs distributed: a manager here, its partitions on worker processes through the broker. */
    public boolean distributed() {
        return broker.isPresent();
    }

    /** The parsed schedule, if the spec has one. */
    public Optional<CronExpression> cron() {
        return schedule.map(CronExpression::parse);
    }

    void validate(SpecProblems problems) {
        problems.requireText("name", name);
        if (name != null && !name.isBlank() && !NAME.matcher(name).matches()) {
            problems.add("name", "must be letters, digits, '.', '_' or '-' (at most 128, starting with a letter or digit), was '" + name + "'");
        }
        input.validate(problems.in("input"));
        model.validate(problems.in("model"));
        validateSampling(problems.in("sampling"));
        motion.validate(problems.in("motion"));
        events.validate(problems.in("events"));
        validateEventClasses(problems);
        publish.validate(problems.in("publish"));
        problems.between("chunkSize", chunkSize, 1, MAX_CHUNK_SIZE);
        problems.between("threads", threads, 1, MAX_THREADS);
        problems.between("concurrency", concurrency, 1, MAX_CONCURRENCY);
        validateNodes(problems);
        if (broker.isPresent() && !nodes.isEmpty()) {
            problems.add("nodes", "declares the logical nodes of an embedded run, but broker is set: a distributed run"
                    + " runs on the registered workers (edgebatch nodes lists them); remove nodes, or broker to run embedded");
        }
        if (!database.startsWith("jdbc:")) {
            problems.add("database", "must be a JDBC URL starting with 'jdbc:', was '" + database + "'");
        }
        broker.ifPresent(url -> {
            if (!url.startsWith("amqp://") && !url.startsWith("amqps://")) {
                problems.add("broker", "must be an AMQP URL, amqp://user@host:port/vhost, was '" + url + "'");
            }
        });
        schedule.ifPresent(cron -> {
            try {
                CronExpression.parse(cron);
            } catch (IllegalArgumentException e) {
                problems.add("schedule", "must be a cron expression of 6 fields (second minute hour day month weekday),"
                        + " was '" + cron + "': " + e.getMessage());
            }
        });
    }

    private void validateSampling(SpecProblems problems) {
        switch (sampling) {
            case SamplingSpec.EveryNthFrame(int n) -> problems.between("everyNthFrame", n, 1, SamplingSpec.MAX_EVERY_NTH_FRAME);
            case SamplingSpec.Fps(double fps) -> {
                if (!(fps > 0 && fps <= SamplingSpec.MAX_FPS)) {
                    problems.add("fps", "must be more than 0 and at most " + SpecProblems.format(SamplingSpec.MAX_FPS)
                            + ", was " + SpecProblems.format(fps));
                }
            }
            case SamplingSpec.KeyframesOnly() -> {
                // Nothing to bound: key frames are where the encoder put them.
            }
        }
    }

    private void validateEventClasses(SpecProblems problems) {
        if (model.classes().isEmpty()) {
            return;
        }
        // A class the model filters out is never detected, so its boxes could never be found and redacted.
        for (int i = 0; i < events.redact().size(); i++) {
            String redacted = events.redact().get(i);
            if (model.classes().stream().noneMatch(redacted.strip()::equalsIgnoreCase)) {
                problems.add("events.redact[" + i + "]", "names '" + redacted + "', which model.classes " + model.classes()
                        + " filters out, so its boxes would never be found to redact; add it to model.classes");
            }
        }
        // An event class the model filters out could never fire: say so now rather than report zero events later.
        for (int i = 0; i < events.classes().size(); i++) {
            String eventClass = events.classes().get(i);
            if (!model.classes().contains(eventClass)) {
                problems.add("events.classes[" + i + "]", "names '" + eventClass + "', which model.classes "
                        + model.classes() + " filters out, so it could never make an event");
            }
        }
    }

    private void validateNodes(SpecProblems problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec node = nodes.get(i);
            node.validate(problems.in("nodes", i));
            if (node.id() != null && !seen.add(node.id())) {
                problems.add("nodes[" + i + "].id", "repeats the id '" + node.id() + "'; node ids must be unique");
            }
        }
        if (nodes.isEmpty()) {
            // Without declared nodes the target is resolved against the nodes that exist at run time.
            return;
        }
        switch (target) {
            case TargetSpec.NamedNode(String id) when nodes.stream().noneMatch(node -> id.equals(node.id())) ->
                    problems.add("target", "names node '" + id + "', which is not declared; known nodes: " + nodeIds());
            case TargetSpec.LabelledNodes(String key, String value)
                    when nodes.stream().noneMatch(node -> value.equals(node.labels().get(key))) ->
                    problems.add("target", "selects label " + key + "=" + value + ", which no declared node has; node labels: "
                            + nodes.stream().map(node -> node.id() + " " + node.labels()).collect(Collectors.joining(", ")));
            default -> {
            }
        }
    }

    private String nodeIds() {
        return nodes.stream().map(NodeSpec::id).collect(Collectors.joining(", "));
    }
}
