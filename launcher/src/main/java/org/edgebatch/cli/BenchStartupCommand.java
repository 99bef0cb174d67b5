package org.edgebatch.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.edgebatch.job.JobSummaryView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edgebatch bench startup}: how long commands take from the start of their JVM, each run in a child JVM started
 * as this one was (same options, so the same ahead-of-time cache), the commands alternated round by round so a drift
 * of the machine reaches all alike; prints the median, minimum and maximum of each and the load average around them.
 */
@Command(name = "startup", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Times the read-only commands (jobs, status ID --json, events ID, nodes --json) from the start of"
                + " their JVM to their exit, and with --run SPEC the time a run takes to read its first frame (it is then"
                + " stopped cleanly, as Ctrl-C does). Each command runs --rounds times in a child JVM with this one's"
                + " options; medians, minimum and maximum in milliseconds."})
final class BenchStartupCommand implements Callable<Integer> {

    private static final String FIRST_FRAME = "first frame read";
    /** What the edgebatch script adds for the read-only commands: they live too short for C2 and G1 to pay off. */
    private static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final long STOP_SECONDS = JobSession.STOP_WAIT_SECONDS + 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--rounds", defaultValue = "7", description = "Runs of each command (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--execution", paramLabel = "ID", description = "The execution status and events show (default: the latest).")
    Long execution;

    @Option(names = "--run", paramLabel = "SPEC", description = "Also time 'run SPEC' to its first frame (each run is stopped there).")
    Path runSpec;

    @Mixin
    DatabaseOption database;

    /** A command line to time; {@code toFirstFrame} stops the clock at the first frame instead of the exit. */
    record Probe(String name, List<String> jvmOptions, List<String> args, boolean toFirstFrame) {
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new CommandRefusal("--rounds must be 1 or more, was " + rounds);
        }
        String url = database.url();
        long id = execution != null ? execution : latest(url);
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("jobs", SHORT_LIVED, List.of("jobs", "--db", url), false),
                new Probe("status " + id + " --json", SHORT_LIVED, List.of("status", Long.toString(id), "--json", "--db", url), false),
                new Probe("events " + id, SHORT_LIVED, List.of("events", Long.toString(id), "--db", url), false),
                new Probe("nodes --json", SHORT_LIVED, List.of("nodes", "--json", "--db", url), false)));
        if (runSpec != null) {
            probes.add(new Probe("run (first frame)", List.of(), List.of("run", runSpec.toString(), "--db", url, "--progress", "none"), true));
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        double loadBefore = load();
        Map<Probe, List<Long>> millis = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Probe probe : probes) {
                millis.computeIfAbsent(probe, p -> new ArrayList<>()).add(time(probe));
            }
        }
        double loadAfter = load();
        TextTable table = new TextTable("command", ">median ms", ">min ms", ">max ms");
        millis.forEach((probe, times) -> {
            List<Long> sorted = times.stream().sorted().toList();
            table.row(probe.name(), median(sorted), sorted.getFirst(), sorted.getLast());
        });
        table.print(out, "");
        out.printf(Locale.ROOT, "%d rounds, %d cores, load average %.2f before, %.2f after%n", rounds,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        out.flush();
        return ExitCodes.COMPLETED;
    }

    private static long latest(String url) {
        try (RepositoryReader repository = RepositoryReader.open(url)) {
            List<JobSummaryView> jobs = repository.executions().jobs(1);
            if (jobs.isEmpty()) {
                throw new CommandRefusal("there are no job executions in " + repository.databaseUrl()
                        + " to show; run 'edgebatch demo --db ...' first");
            }
            return jobs.getFirst().jobExecutionId();
        }
    }

    /** Milliseconds from starting the child JVM to its exit, or to its first frame (then it is stopped). */
    private static long time(Probe probe) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(childCommand(probe.jvmOptions(), probe.args()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (probe.toFirstFrame()) {
            builder.environment().put("EDGEBATCH_LOG_LEVEL", "info");
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        long start = System.nanoTime();
        Process child = builder.start();
        if (!probe.toFirstFrame()) {
            int exit = child.waitFor();
            long elapsed = System.nanoTime() - start;
            if (exit != ExitCodes.COMPLETED) {
                throw new CommandRefusal("'edgebatch " + String.join(" ", probe.args()) + "' ended with exit code " + exit);
            }
            return TimeUnit.NANOSECONDS.toMillis(elapsed);
        }
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (line.contains(FIRST_FRAME)) {
                    long elapsed = System.nanoTime() - start;
                    // The child's log goes on while it stops: keep reading, or a full pipe would hold it up.
                    Thread drain = Thread.ofVirtual().start(() -> drain(err));
                    // SIGTERM: the run stops after its current chunk, as after Ctrl-C, and is left restartable.
                    child.destroy();
                    child.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
                    drain.join(TimeUnit.SECONDS.toMillis(5));
                    return TimeUnit.NANOSECONDS.toMillis(elapsed);
                }
            }
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        throw new CommandRefusal("'edgebatch " + String.join(" ", probe.args()) + "' ended (exit code " + child.waitFor()
                + ") without reading a frame");
    }

    private static void drain(BufferedReader err) {
        try {
            err.transferTo(Writer.nullWriter());
        } catch (IOException e) {
            // The child is gone and its stream with it: nothing left to read.
        }
    }

    /**
     * This JVM's java, options and {@code edgebatch.*} system properties, then {@code jvmOptions}; the packaged jar as {@code -jar} (what an ahead-of-time
     * cache was trained with).
     */
    private static List<String> childCommand(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        // EdgeBatch's settings may have been set in this JVM rather than on its command line (a test runner does so):
        // the children must run with the same ones, e.g. the same keeper linger.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("edgebatch.")).sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, EdgeBatch.class.getName()));
        }
        command.addAll(args);
        return command;
    }

    private static long median(List<Long> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
