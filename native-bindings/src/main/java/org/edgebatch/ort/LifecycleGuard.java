package org.edgebatch.ort;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a native object alive while calls use it: {@link #enter()} fails once the object is closed, and
 * {@link #close()} waits for the calls in progress before the caller frees anything. Lock-free and allocation-free,
 * so it can guard every {@code Run}.
 */
final class LifecycleGuard {

    private static final int CLOSED = Integer.MIN_VALUE;

    private final AtomicInteger state = new AtomicInteger();
    private final String description;

    /** @param description what is guarded, for the error message, e.g. {@code OrtSession for /m/yolox.onnx} */
    LifecycleGuard(String description) {
        this.description = description;
    }

    /**
     * Starts a use.
     *
     * @throws IllegalStateException when closed
     */
    void enter() {
        while (true) {
            int current = state.get();
            if (current < 0) {
                throw new IllegalStateException(description + " is closed");
            }
            if (state.compareAndSet(current, current + 1)) {
                return;
            }
        }
    }

    /** Ends a use started by {@link #enter()}. */
    void exit() {
        state.decrementAndGet();
    }

    /** True once {@link #close()} has begun. */
    boolean isClosed() {
        return state.get() < 0;
    }

    /**
     * Refuses new uses and waits for the current ones to end.
     *
     * @return true for the first call, which must then free the object; false for any later call
     */
    boolean close() {
        while (true) {
            int current = state.get();
            if (current < 0) {
                return false;
            }
            if (state.compareAndSet(current, current | CLOSED)) {
                break;
            }
        }
        while ((state.get() & ~CLOSED) != 0) {
            LockSupport.parkNanos(100_000L);
        }
        return true;
    }
}
