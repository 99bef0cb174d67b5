package org.edgebatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.node.InventoryException;
import org.edgebatch.job.LaunchRefusedException;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgebatch run}: runs a job spec once, or on a schedule over the files that are new or changed. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Runs the video inference job a spec describes (see samples/lobby-cameras.yaml).",
                "Fields are overridden as KEY=VALUE after the spec or with --set (dotted paths: model.confidence=0.4,"
                        + " input.paths=/a,/b); the flags below are shortcuts for the most common ones.",
                "With --every (or the spec's schedule) it keeps running: each run reads only files that are new or changed"
                        + " since the job last processed them. Ctrl-C stops a running job after its current chunk.",
                "Exit code: 0 when the job COMPLETED, 1 when it FAILED or was STOPPED, 2 when it was refused before starting."})
final class RunCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The job spec (YAML).")
    Path specFile;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Spec fields to override, e.g. chunkSize=32.")
    List<String> overrides = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A spec field to override (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--model", paramLabel = "PATH", description = "model.path: the ONNX model.")
    String model;

    @Option(names = "--provider", paramLabel = "NAME", description = "model.provider: cpu, cuda, openvino or tensorrt.")
    String provider;

    @Option(names = "--chunk-size", paramLabel = "N", description = "chunkSize: frames per chunk (commit and restart unit).")
    String chunkSize;

    @Option(names = "--threads", paramLabel = "N", description = "threads: intra-op inference threads per node.")
    String threads;

    @Option(names = "--output", paramLabel = "DIR", description = "output: results, snapshots and run reports.")
    String output;

    @Mixin
    DatabaseOption database;

    @Mixin
    BrokerOption broker;

    @Option(names = "--every", paramLabel = "CRON",
            description = "schedule: run on this 6-field cron expression (second minute hour day month weekday), e.g. '0 */10 * * * *'.")
    String every;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "0",
            description = "With a schedule: stop after N runs (default: run until Ctrl-C).")
    int maxRuns;

    @Option(names = "--json", description = "Print the outcome as JSON (one line per run on a schedule).")
    boolean json;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws InterruptedException {
        FfmpegLogLevel.apply();
        JobSpec spec = new JobSpecLoader().load(specFile, overrides());
        if (maxRuns < 0) {
            throw new CommandRefusal("--max-runs must be 0 or more, was " + maxRuns);
        }
        if (maxRuns > 0 && spec.schedule().isEmpty()) {
            throw new CommandRefusal("--max-runs needs a schedule (--every CRON or the spec's schedule)");
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        try (JobSession session = JobSession.openToRun(spec.database(), BrokerOption.modeOf(spec), err)) {
            RunOutcomePrinter printer = new RunOutcomePrinter(session, out, json, spec.schedule().isPresent());
            if (spec.schedule().isPresent()) {
                return scheduled(session, spec, printer, out, err);
            }
            JobRun run = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow();
            JobExecution execution = session.follow(run, progress.mode);
            return printer.print(execution).completed() ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
        }
    }

    /** The overrides in the order they apply: positional and --set, then the flags. */
    Map<String, String> overrides() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw new CommandRefusal("an override must be KEY=VALUE (e.g. model.confidence=0.4), was '" + override + "'");
            }
            all.put(override.substring(0, equals), override.substring(equals + 1));
        }
        all.putAll(set);
        put(all, "model.path", model);
        put(all, "model.provider", provider);
        put(all, "chunkSize", chunkSize);
        put(all, "threads", threads);
        put(all, "output", output);
        put(all, "schedule", every);
        if (database.value != null) {
            all.put("database", database.url());
        }
        put(all, "broker", broker.value);
        return all;
    }

    private static void put(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }

    private int scheduled(JobSession session, JobSpec spec, RunOutcomePrinter printer, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        CronExpression cron = spec.cron().orElseThrow();
        LaunchOptions options = LaunchOptions.of(specFile.toString()).withOnlyNewOrChanged();
        if (!json) {
            out.println("Job " + spec.name() + " runs on '" + spec.schedule().orElseThrow() + "' over new or changed files"
                    + (maxRuns > 0 ? ", " + maxRuns + " time(s)" : "") + "; Ctrl-C ends it.");
            out.flush();
        }
        boolean allCompleted = true;
        for (int tick = 1; maxRuns == 0 || tick <= maxRuns; tick++) {
            LocalDateTime next = cron.next(LocalDateTime.now());
            if (next == null) {
                err.println("edgebatch run: the schedule '" + spec.schedule().orElseThrow() + "' has no further run time");
                break;
            }
            if (!json) {
                out.println("Run " + tick + " at " + next.format(TIME));
                out.flush();
            }
            sleepUntil(next);
            Optional<JobRun> run;
            try {
                run = session.jobs().start(spec, options);
            } catch (InventoryException | LaunchRefusedException e) {
                if (tick == 1) {
                    throw e;
                }
                // A later run may find things fixed; a scheduled job keeps its schedule.
                err.println("edgebatch run: run " + tick + " refused: " + ErrorMessageHandler.describe(e));
                err.flush();
                allCompleted = false;
                continue;
            }
            if (run.isEmpty()) {
                if (!json) {
                    out.println("Run " + tick + ": no new or changed files");
                    out.flush();
                }
                continue;
            }
            allCompleted &= printer.print(session.follow(run.get(), progress.mode)).completed();
        }
        return allCompleted ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
    }

    private static void sleepUntil(LocalDateTime time) throws InterruptedException {
        Duration wait = Duration.between(LocalDateTime.now(), time);
        if (wait.isPositive()) {
            Thread.sleep(wait);
        }
    }
}
