package org.edgebatch.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Where the {@code bench} commands get JMH and the benchmarks ({@code jmh-benchmarks}) from. They are kept off the
 * launcher's class path ({@code lib/}, named by the jar's manifest), so no other command loads or ships them; the
 * build puts them in {@value #FOLDER}/ beside {@code edgebatch.jar}, and a bench command run without them runs itself
 * again in a child JVM that has that folder on its class path too. Where they are on the class path already (tests,
 * an IDE), the command runs in this JVM.
 */
final class BenchLibraries {

    /** The folder beside {@code edgebatch.jar} that holds the benchmarks and JMH. */
    static final String FOLDER = "bench-lib";

    /** Set in the child JVM, which must not run yet another one should the folder lack a jar. */
    private static final String RELAUNCHED_PROPERTY = "edgebatch.bench.relaunched";
    private static final List<String> CLASSES = List.of("org.openjdk.jmh.runner.Runner", "org.edgebatch.bench.job.JobBenchmark");
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    private static final long CHILD_STOP_SECONDS = JobSession.STOP_WAIT_SECONDS + 10;

    private BenchLibraries() {
    }

    /** Whether this JVM can load the benchmarks and JMH. */
    static boolean onClassPath() {
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, BenchLibraries.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the command line this process was started with in a child JVM with {@value #FOLDER}/ on its class path,
     * its output straight to this process's, and returns its exit code. The child gets this JVM's options (less an
     * ahead-of-time cache, which was trained on the other class path); ending this process ends it.
     *
     * @throws CommandRefusal when the folder is missing, or the child JVM still cannot load the benchmarks
     */
    static int relaunch(CommandLine.Model.CommandSpec command) throws IOException, InterruptedException {
        Path jar = launcherJar();
        Path libraries = jar.resolveSibling(FOLDER);
        if (Boolean.getBoolean(RELAUNCHED_PROPERTY) || !Files.isDirectory(libraries)) {
            throw new CommandRefusal("the benchmarks and JMH are not in " + libraries
                    + "; build the launcher with 'mvn -pl launcher -am package' (./edgebatch does so when sources change)");
        }
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        options.stream().filter(option -> !option.startsWith("-XX:AOT")).forEach(java::add);
        // The jar's manifest grants native access only to 'java -jar'.
        if (!options.contains(NATIVE_ACCESS)) {
            java.add(NATIVE_ACCESS);
        }
        java.addAll(List.of("-D" + RELAUNCHED_PROPERTY + "=true",
                "-cp", jar + File.pathSeparator + libraries.resolve("*"), EdgeBatch.class.getName()));
        java.addAll(command.root().commandLine().getParseResult().originalArgs());
        Process child = new ProcessBuilder(java).inheritIO().start();
        // Ctrl-C reaches both JVMs; a SIGTERM to this one alone must reach the child too, and either way this
        // process waits for the child to stop its job cleanly before it goes.
        Thread forward = Thread.ofPlatform().name("edgebatch-bench-child").unstarted(() -> {
            child.destroy();
            try {
                child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            return child.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException e) {
                // Shutting down: the hook is running and waits for the child.
            }
        }
    }

    private static Path launcherJar() {
        var source = EdgeBatch.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new CommandRefusal("cannot find the launcher's jar to run the benchmarks from");
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new CommandRefusal("cannot find the launcher's jar to run the benchmarks from: " + source.getLocation(), e);
        }
        if (!Files.isRegularFile(location)) {
            throw new CommandRefusal("the benchmarks and JMH are not on the class path of " + location
                    + "; add the jmh-benchmarks module's class path, or run the packaged edgebatch.jar");
        }
        return location;
    }
}
