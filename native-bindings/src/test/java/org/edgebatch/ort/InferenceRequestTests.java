package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OrtRuntimeExtension.class)
class InferenceRequestTests {

    private final OrtRuntime runtime;

    InferenceRequestTests(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    @Test
    void staticOutputsArePreAllocatedAndMatchTheGeneralPath() {
        try (OrtSession session = runtime.openSession(TestModels.YOLOX_NANO, SessionOptions.defaults().withIntraOpThreads(2));
                InferenceRequest request = session.newRequest()) {
            // given
            TensorAssertions.fill(request.input(0), ElementType.FLOAT32, 7, 255f);
            MemorySegment output = request.output(0);
            long address = output.address();

            // when
            request.run();
            try (OrtValue input = session.createTensor(request.input(0), ElementType.FLOAT32, 1, 3, 416, 416);
                    OrtOutputs general = session.run(Map.of("images", input))) {
                // then
                assertThat(request.output(0).address()).isEqualTo(address);
                assertThat(request.outputShape(0)).containsExactly(1, 3549, 85);
                assertThat(request.inputInfo(0)).isEqualTo(session.inputs().getFirst());
                assertThat(request.outputInfo(0)).isEqualTo(session.outputs().getFirst());
                assertThat(output.byteSize()).isEqualTo(3549L * 85 * 4);
                assertThat(output.mismatch(general.get(0).data())).as("first differing byte").isEqualTo(-1L);
                assertThat(output.asSlice(0, 4 * 85).toArray(JAVA_FLOAT)).as("the run wrote into the pre-allocated output")
                        .isNotEqualTo(new float[85]);
            }
        }
    }

    @Test
    void sessionConfigEntriesReachOnnxRuntimeAndItsRefusalIsReported() {
        SessionOptions sleeping = SessionOptions.defaults().withIntraOpThreads(2)
                .withConfigEntry(SessionOptions.ALLOW_INTRA_OP_SPINNING, "0");
        try (OrtSession spinning = runtime.openSession(TestModels.YOLOX_NANO, SessionOptions.defaults().withIntraOpThreads(2));
                OrtSession idle = runtime.openSession(TestModels.YOLOX_NANO, sleeping);
                InferenceRequest a = spinning.newRequest();
                InferenceRequest b = idle.newRequest()) {
            // given
            TensorAssertions.fill(a.input(0), ElementType.FLOAT32, 11, 255f);
            b.input(0).copyFrom(a.input(0));

            // when
            a.run();
            b.run();

            // then: threads that sleep instead of spinning compute the same thing
            assertThat(b.output(0).mismatch(a.output(0))).as("first differing byte").isEqualTo(-1L);
        }
        // An entry ONNX Runtime reads when it builds the session's thread pool: a bad one fails there, with its message.
        assertThatThrownBy(() -> runtime.openSession(TestModels.YOLOX_NANO, SessionOptions.defaults().withIntraOpThreads(2)
                .withConfigEntry("session.intra_op_thread_affinities", "not-a-core-list")))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining("Opening model ")
                .hasMessageContaining("Processor id must consist of only digits: not-a-core-list");
    }

    @Test
    void runAllocatesNothingOnTheJavaHeap() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (OrtSession session = runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults().withIntraOpThreads(1));
                InferenceRequest request = session.newRequest()) {
            // given a warmed-up request (the JIT has compiled run())
            MemorySegment input = request.input(0);
            for (int i = 0; i < 20_000; i++) {
                input.set(JAVA_BYTE, 0, (byte) i);
                request.run();
            }

            // when
            int runs = 20_000;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < runs; i++) {
                input.set(JAVA_BYTE, 0, (byte) i);
                request.run();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            // then
            assertThat(request.output(0).get(JAVA_BYTE, 0)).isEqualTo((byte) (runs - 1));
            assertThat(allocated / (double) runs).as("bytes allocated per run (%d in total)", allocated)
                    .isLessThan(1.0);
        }
    }

    @Test
    void aRequestRunFromTwoThreadsAtOnceIsRefusedNotCorrupted() throws Exception {
        try (OrtSession session = runtime.openSession(TestModels.dynamicAdd(), SessionOptions.defaults().withIntraOpThreads(1));
                InferenceRequest request = session.newRequest(new long[] {64, 4})) {
            // given two threads sharing one request, which is for one thread at a time
            AtomicInteger refused = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            Runnable hammer = () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 20_000; i++) {
                    try {
                        request.run();
                    } catch (IllegalStateException e) {
                        assertThat(e).hasMessageContaining("already running on another thread");
                        refused.incrementAndGet();
                    }
                }
            };
            Thread first = Thread.ofPlatform().start(hammer);
            Thread second = Thread.ofPlatform().start(hammer);

            // when
            start.countDown();
            first.join();
            second.join();

            // then
            assertThat(refused.get()).isPositive();
            request.run();
            assertThat(request.outputShape(0)).containsExactly(64, 4);
        }
    }
}
