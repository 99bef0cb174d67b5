package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One session run from several threads at once gives the single-thread results. */
class ConcurrentRunTests {

    private static final int THREADS = 3;
    private static final int ROUNDS = 3;
    private static final int INPUTS = 3;

    @Test
    void oneSessionRunFromSeveralThreadsGivesTheSingleThreadResults() throws Exception {
        try (OrtRuntime runtime = OrtRuntime.create();
                OrtSession session = runtime.openSession(TestModels.YOLOX_NANO,
                        SessionOptions.defaults().withIntraOpThreads(1))) {
            // given the results of one thread
            List<MemorySegment> expected = new ArrayList<>();
            try (InferenceRequest request = session.newRequest()) {
                for (int seed = 0; seed < INPUTS; seed++) {
                    TensorAssertions.fill(request.input(0), ElementType.FLOAT32, seed, 255f);
                    request.run();
                    expected.add(MemorySegment.ofArray(request.output(0).toArray(ValueLayout.JAVA_BYTE)));
                }
            }

            // when every thread runs every input through its own request and through the general path
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> mismatches = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    mismatches.add(pool.submit(() -> runConcurrently(session, expected, thread, start)));
                }

                // then
                for (Future<Integer> result : mismatches) {
                    assertThat(result.get()).as("runs whose output differed from the single-thread one").isZero();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int runConcurrently(OrtSession session, List<MemorySegment> expected, int thread,
            CyclicBarrier start) throws Exception {
        int mismatches = 0;
        try (InferenceRequest request = session.newRequest(); Arena arena = Arena.ofConfined()) {
            MemorySegment own = arena.allocate(request.inputInfo(0).byteSize());
            start.await();
            for (int round = 0; round < ROUNDS; round++) {
                int seed = (thread + round) % INPUTS;
                TensorAssertions.fill(request.input(0), ElementType.FLOAT32, seed, 255f);
                request.run();
                mismatches += request.output(0).mismatch(expected.get(seed)) == -1 ? 0 : 1;

                TensorAssertions.fill(own, ElementType.FLOAT32, seed, 255f);
                try (OrtValue input = session.createTensor(own, ElementType.FLOAT32, 1, 3, 416, 416);
                        OrtOutputs outputs = session.run(Map.of("images", input))) {
                    mismatches += outputs.get(0).data().mismatch(expected.get(seed)) == -1 ? 0 : 1;
                }
            }
        }
        return mismatches;
    }
}
