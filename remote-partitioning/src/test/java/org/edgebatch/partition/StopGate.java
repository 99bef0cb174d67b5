package org.edgebatch.partition;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.edgebatch.job.DetectWorkerCustomizer;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.PendingFrame;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test configuration: holds the detect worker when it is about to process a chosen frame until the test lets it go,
 * so a test can act (stop the job, say) while the run is certainly mid-video, whatever the machine's speed.
 */
@Configuration(proxyBeanMethods = false)
class StopGate {

    /** The gate at one frame: {@link #reached} once the worker waits there, {@link #open} lets it go on. */
    static final class Gate {
        final long frame;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);

        Gate(long frame) {
            this.frame = frame;
        }

        void awaitReached(Duration timeout) throws InterruptedException {
            if (!reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the detect worker did not reach frame " + frame + " within " + timeout);
            }
        }

        void open() {
            open.countDown();
        }
    }

    @Bean
    Gate gate() {
        return new Gate(20);
    }

    @Bean
    DetectWorkerCustomizer holdAtGate(Gate gate) {
        return (builder, video) -> builder.listener(new ItemProcessListener<PendingFrame, FrameDetections>() {
            @Override
            public void beforeProcess(PendingFrame item) {
                if (item.frame().frame().index() == gate.frame) {
                    gate.reached.countDown();
                    try {
                        if (!gate.open.await(2, TimeUnit.MINUTES)) {
                            throw new IllegalStateException("the test never opened the gate at frame " + gate.frame);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
    }
}
