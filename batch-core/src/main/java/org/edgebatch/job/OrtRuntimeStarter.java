package org.edgebatch.job;

import java.util.concurrent.atomic.AtomicReference;
import org.edgebatch.ort.OrtRuntime;

/**
 * Creates the process's {@link OrtRuntime} on a thread of its own with a large stack. ONNX Runtime logs while it
 * creates its environment, through a Java upcall into the application's logging (Logback in a Boot application); on a
 * thread with the JVM's default 1 MiB stack, such as {@code main}, that crashed the JVM with SIGSEGV (no Java error,
 * no hs_err file). 16 MiB leaves ample room.
 */
public final class OrtRuntimeStarter {

    static final long STACK_BYTES = 16L << 20;

    private OrtRuntimeStarter() {
    }

    public static OrtRuntime create() {
        AtomicReference<OrtRuntime> runtime = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = Thread.ofPlatform().name("onnxruntime-start").stackSize(STACK_BYTES).unstarted(() -> {
            try {
                runtime.set(OrtRuntime.create());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ONNX Runtime was starting", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return runtime.get();
    }
}
