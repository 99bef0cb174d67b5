package org.edgebatch.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own two-core efficiency, as a control for scaling figures: the same CPU-bound work (SHA-256 of
 * zeros, outside the JVM) on core 0 alone, then on cores 0 and 1 at once; time alone over time together. On a
 * dedicated machine it is close to 1; on a shared virtual machine it shows how much of a second core is really there.
 */
final class CoreScaling {

    private static final String WORK = "head -c 400M /dev/zero | sha256sum > /dev/null";

    private CoreScaling() {
    }

    static double measure() throws IOException, InterruptedException {
        long started = System.nanoTime();
        await(start(0));
        double alone = System.nanoTime() - started;
        started = System.nanoTime();
        Process first = start(0);
        Process second = start(1);
        await(first);
        await(second);
        double together = System.nanoTime() - started;
        return alone / together;
    }

    private static Process start(int core) throws IOException {
        return new ProcessBuilder(List.of("taskset", "-c", Integer.toString(core), "sh", "-c", WORK)).start();
    }

    private static void await(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the CPU-bound control (" + WORK + ") failed");
        }
    }
}
