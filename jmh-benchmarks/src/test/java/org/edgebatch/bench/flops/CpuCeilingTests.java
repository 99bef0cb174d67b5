package org.edgebatch.bench.flops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuCeilingTests {

    private static final String XEON = """
            processor\t: 0
            model name\t: Intel(R) Xeon(R) Processor
            cpu MHz\t\t: 2599.998
            siblings\t: 4
            cpu cores\t: 2
            flags\t\t: fpu sse2 avx fma avx2 avx512f avx512_vnni amx_tile
            """;

    @Test
    void hyperThreadsShareACoreAndAvx512DoublesTheLanes() {
        CpuCeiling ceiling = CpuCeiling.parse(XEON, 4, Optional.empty()).orElseThrow();

        assertThat(ceiling.cores()).isEqualTo(2);
        assertThat(ceiling.isa()).isEqualTo("AVX-512");
        assertThat(ceiling.gflopsPerSecond()).isCloseTo(2 * 2.599998 * 64, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theKernelsMaximumClockWinsAndAvx2CountsThirtyTwoPerCycle() {
        String desktop = XEON.replace(" avx512f avx512_vnni amx_tile", "").replace("siblings\t: 4", "siblings\t: 2");

        CpuCeiling ceiling = CpuCeiling.parse(desktop, 2, Optional.of(4.0)).orElseThrow();

        assertThat(ceiling.isa()).isEqualTo("AVX2+FMA");
        assertThat(ceiling.gflopsPerSecond()).isEqualTo(2 * 4.0 * 32);
    }

    @Test
    void anArmBoardWithoutAClockHasNoKnowableCeiling() {
        String arm = "processor\t: 0\nFeatures\t: fp asimd evtstrm\nCPU implementer\t: 0x41\n";

        assertThat(CpuCeiling.parse(arm, 4, Optional.empty())).isEmpty();
        assertThat(CpuCeiling.parse(arm, 4, Optional.of(1.5)).orElseThrow().isa()).isEqualTo("NEON");
    }
}
