package org.edgebatch.job;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.edgebatch.ort.OrtRuntime;

/**
 * Creates the process's {@link OrtRuntime} on a thread of its own with a large stack. ONNX Runtime logs while it
 * creates its environment, through a Java upcall into the application's logging (Logback in a Boot application); on a
 * thread with the JVM's default 1 MiB stack, such as {@code main}, that crashed the JVM with SIGSEGV (no Java error,
 * no hs_err file). 16 MiB leaves ample room.
 * <p>
 * A command that will infer can {@link #start()} it before its Spring context, so that loading the library and
 * creating ONNX Runtime's environment overlap with the context's start instead of following it; the context's
 * {@code OrtRuntime} bean then {@link #take() takes} that runtime.
 */
public final class OrtRuntimeStarter implements AutoCloseable {

    static final long STACK_BYTES = 16L << 20;

    private final AtomicReference<OrtRuntime> runtime = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean taken = new AtomicBoolean();
    private final Thread starter;

    private OrtRuntimeStarter() {
        starter = Thread.ofPlatform().name("onnxruntime-start").stackSize(STACK_BYTES).daemon(true).unstarted(() -> {
            try {
                runtime.set(OrtRuntime.create());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
    }

    /** Starts creating the runtime now; {@link #take()} waits for it. */
    public static OrtRuntimeStarter start() {
        // Logging is set up here, on the caller's thread: the starter's first log line would otherwise arrive while
        // the main thread initialises SLF4J, which then replays it with three lines of warnings on stderr.
        System.getLogger(OrtRuntimeStarter.class.getName()).isLoggable(System.Logger.Level.DEBUG);
        OrtRuntimeStarter started = new OrtRuntimeStarter();
        started.starter.start();
        return started;
    }

    /** Creates the runtime and waits for it. */
    public static OrtRuntime create() {
        return start().take();
    }

    /**
     * Waits for the runtime and hands it over (once: the caller closes it).
     *
     * @throws IllegalStateException when it was taken already
     * @throws org.edgebatch.ort.OrtException as {@link OrtRuntime#create()} throws it
     */
    public OrtRuntime take() {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("the ONNX Runtime started here was taken already");
        }
        awaitStarter();
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return runtime.get();
    }

    /** Closes the runtime if nobody took it (a command that ended before it inferred), after it is made. */
    @Override
    public void close() {
        if (taken.compareAndSet(false, true)) {
            awaitStarter();
            OrtRuntime unused = runtime.get();
            if (unused != null) {
                unused.close();
            }
        }
    }

    private void awaitStarter() {
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ONNX Runtime was starting", e);
        }
    }
}
