package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The process's resident memory does not grow over 2,000 YOLOX-nano runs (half through an InferenceRequest, half
 * through the general path with every tensor and output closed) and 50 session open/close cycles. Surefire runs this
 * module with a fixed, pre-touched heap, so resident growth is native growth.
 */
class NativeMemoryLeakTests {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long ALLOWED_GROWTH = 32L << 20;
    private static final int RUNS_PER_PATH = 1_000;
    private static final int SESSION_CYCLES = 50;

    @Test
    void residentMemoryStaysFlatOverRunsAndSessionCycles() throws IOException {
        assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux)");
        SessionOptions options = SessionOptions.defaults().withIntraOpThreads(2);
        try (OrtRuntime runtime = OrtRuntime.create();
                OrtSession session = runtime.openSession(TestModels.YOLOX_NANO, options);
                InferenceRequest request = session.newRequest();
                Arena arena = Arena.ofConfined()) {
            // given a warmed-up process: ONNX Runtime's arenas and the allocator caches have reached their size
            MemorySegment own = arena.allocate(request.inputInfo(0).byteSize());
            TensorAssertions.fill(request.input(0), ElementType.FLOAT32, 1, 255f);
            TensorAssertions.fill(own, ElementType.FLOAT32, 2, 255f);
            exercise(runtime, session, request, own, 50, 5, options);
            long before = residentBytes();

            // when
            exercise(runtime, session, request, own, RUNS_PER_PATH, SESSION_CYCLES, options);
            long after = residentBytes();
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                    "Resident memory {0} MiB before, {1} MiB after {2} runs and {3} session cycles",
                    before >> 20, after >> 20, 2 * RUNS_PER_PATH, SESSION_CYCLES);

            // then
            assertThat(after - before).as("resident growth in bytes (%d MiB before, %d MiB after)", before >> 20,
                    after >> 20).isLessThan(ALLOWED_GROWTH);
        }
    }

    private static void exercise(OrtRuntime runtime, OrtSession session, InferenceRequest request, MemorySegment own,
            int runs, int sessionCycles, SessionOptions options) {
        for (int i = 0; i < runs; i++) {
            request.run();
        }
        for (int i = 0; i < runs; i++) {
            try (OrtValue input = session.createTensor(own, ElementType.FLOAT32, 1, 3, 416, 416);
                    OrtOutputs outputs = session.run(Map.of("images", input))) {
                assertThat(outputs.get(0).data().byteSize()).isEqualTo(3549L * 85 * 4);
            }
        }
        for (int i = 0; i < sessionCycles; i++) {
            try (OrtSession cycled = runtime.openSession(TestModels.YOLOX_NANO, options);
                    InferenceRequest cycledRequest = cycled.newRequest()) {
                assertThat(cycledRequest.outputCount()).isEqualTo(1);
            }
        }
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS line in " + STATUS);
    }
}
