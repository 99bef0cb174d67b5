package org.edgebatch.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium run headless by tests that check a page as a browser renders it (screenshots, the DOM after
 * loading), each run with its own profile and output files under a test's folder; {@code -Dedgebatch.chromium}
 * names another executable.
 */
public final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 120;

    /** What one run printed and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {
    }

    private final Path executable = Path.of(System.getProperty("edgebatch.chromium", "/usr/bin/chromium"));
    private final Path folder;

    /** @param folder where each run's profile and output go */
    public HeadlessChromium(Path folder) {
        this.folder = folder;
    }

    /** Fails the test, saying how to install it, when Chromium is missing; {@code purpose} completes "to check …". */
    public void requireInstalled(String purpose) {
        if (!Files.isExecutable(executable)) {
            throw new AssertionError("Chromium is needed to check " + purpose + " and " + executable + " is missing: install it"
                    + " with 'apt-get install -y chromium' (ci/ensure-chromium.sh does so in CI) or point -Dedgebatch.chromium at it");
        }
    }

    /** Runs Chromium headless, offline and without a sandbox with these further arguments; fails after 120 s. */
    public Run run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(folder, "profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path out = Files.createTempFile(folder, "chromium", ".out");
        Path err = Files.createTempFile(folder, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Console messages and failed loads of the page; Chromium's own D-Bus and GPU complaints are not the page's. */
    public static List<String> pageErrors(String stderr) {
        return stderr.lines()
                .filter(line -> line.contains("CONSOLE") || line.contains("net::ERR_") || line.contains("Failed to load")
                        || line.contains("Not allowed to load"))
                .toList();
    }
}
