package org.edgebatch.bench.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's peak resident set size, from Linux's {@code /proc/self/status} (VmHWM). */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** The peak RSS in bytes, or -1 where {@code /proc} does not tell it. */
    public static long peakBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
