package org.edgebatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged {@code edgebatch.jar} run in a JVM of its own, as the {@code ./edgebatch} wrapper runs it, with a home
 * folder of the test's so {@code ~/.edgebatch} (job repository, demo, outputs) is the test's alone.
 */
final class CliProcess {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A started process and the files its stdout and stderr go to. */
    record Started(Process process, Path out, Path err) {

        Finished await(Duration timeout) throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("edgebatch did not end within " + timeout + "\n" + Files.readString(out) + "\n" + Files.readString(err));
            }
            return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }
    }

    /** What an ended process printed, and its exit code. */
    record Finished(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private CliProcess() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("edgebatch.jar", "target/edgebatch.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after 'mvn package' (mvn verify)");
        }
        return jar;
    }

    static Started start(Path home, String... args) throws IOException {
        return start(home, new Launch(List.of(), List.of(), Map.of()), args);
    }

    /**
     * How a process is launched besides its arguments: what runs before java ({@code ip netns exec ns}), JVM options
     * ({@code -Dedgebatch.node-timeout=10s}) and environment variables (passwords).
     */
    record Launch(List<String> prefix, List<String> jvmOptions, Map<String, String> environment) {
        Launch {
            prefix = List.copyOf(prefix);
            jvmOptions = List.copyOf(jvmOptions);
            environment = Map.copyOf(environment);
        }

        Launch withPrefix(String... command) {
            return new Launch(List.of(command), jvmOptions, environment);
        }

        Launch withEnvironment(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(environment);
            more.put(name, value);
            return new Launch(prefix, jvmOptions, more);
        }
    }

    static Started start(Path home, Launch launch, String... args) throws IOException {
        List<String> command = new ArrayList<>(launch.prefix());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-Duser.home=" + home,
                "-Dedgebatch.home=" + jar().getParent().getParent().getParent(), KeepersGone.lingerOption()));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        int n = SEQUENCE.incrementAndGet();
        Path logs = Files.createDirectories(home.resolve("cli-logs"));
        Path out = logs.resolve(n + "-" + args[0] + ".out");
        Path err = logs.resolve(n + "-" + args[0] + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove("EDGEBATCH_DATA");
        builder.environment().putAll(launch.environment());
        return new Started(builder.start(), out, err);
    }

    static Finished run(Path home, Duration timeout, String... args) {
        try {
            return start(home, args).await(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
