package org.edgebatch.partition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.edgebatch.job.DetectWorkerCustomizer;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.PendingFrame;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test configuration: fails the detect worker once, when it is about to process a chosen frame, and counts how often
 * each frame went through the processor.
 */
@Configuration(proxyBeanMethods = false)
class FailureInjection {

    /** The trap: armed with a frame index, it fires once. */
    static final class Trap {
        final AtomicLong frame = new AtomicLong(-1);
        volatile String video;
        final Map<Long, AtomicInteger> processed = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> processedByVideo = new ConcurrentHashMap<>();

        void arm(long frameIndex) {
            video = null;
            frame.set(frameIndex);
        }

        /** Fires at a frame of one video (its id in the plan, {@code v1}). */
        void arm(String videoId, long frameIndex) {
            video = videoId;
            frame.set(frameIndex);
        }

        int timesProcessed(long frameIndex) {
            AtomicInteger count = processed.get(frameIndex);
            return count == null ? 0 : count.get();
        }

        int timesProcessed(String videoId, long frameIndex) {
            AtomicInteger count = processedByVideo.get(videoId + ":" + frameIndex);
            return count == null ? 0 : count.get();
        }
    }

    @Bean
    Trap trap() {
        return new Trap();
    }

    @Bean
    DetectWorkerCustomizer failOnce(Trap trap) {
        return (builder, video) -> builder.listener(new ItemProcessListener<PendingFrame, FrameDetections>() {
            @Override
            public void beforeProcess(PendingFrame item) {
                long index = item.frame().frame().index();
                String video = trap.video;
                if ((video == null || video.equals(item.frame().frame().video())) && trap.frame.compareAndSet(index, -1)) {
                    throw new IllegalStateException("injected failure at frame " + index);
                }
            }

            @Override
            public void afterProcess(PendingFrame item, FrameDetections result) {
                trap.processed.computeIfAbsent(item.frame().frame().index(), i -> new AtomicInteger()).incrementAndGet();
                trap.processedByVideo.computeIfAbsent(item.frame().frame().video() + ":" + item.frame().frame().index(),
                        key -> new AtomicInteger()).incrementAndGet();
            }
        });
    }
}
