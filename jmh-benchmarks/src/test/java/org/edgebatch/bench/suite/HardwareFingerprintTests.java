package org.edgebatch.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fingerprint from the texts of /proc/cpuinfo and /proc/meminfo of an x86 server, an ARM board and no Linux at all. */
class HardwareFingerprintTests {

    @Test
    void anX86ServerWithHyperThreadsAvx512VnniAndAmx() {
        // given two logical CPUs of one core each (siblings 2, cpu cores 1)
        String cpuinfo = """
                processor\t: 0
                model name\t: Intel(R) Xeon(R) Platinum 8488C
                siblings\t: 2
                cpu cores\t: 1
                flags\t\t: fpu sse2 avx fma avx2 avx512f avx512_vnni avx_vnni avx512_bf16 amx_tile amx_int8

                processor\t: 1
                model name\t: Intel(R) Xeon(R) Platinum 8488C
                """;

        // when
        HardwareFingerprint fingerprint = HardwareFingerprint.parse(cpuinfo, "MemTotal:       16314560 kB\n", 2, "Linux",
                "6.1.0", "25", "1.29.0", List.of("CPUExecutionProvider"));

        // then
        assertThat(fingerprint.cpuModel()).isEqualTo("Intel(R) Xeon(R) Platinum 8488C");
        assertThat(fingerprint.cores()).isEqualTo(1);
        assertThat(fingerprint.threads()).isEqualTo(2);
        assertThat(fingerprint.isa()).containsExactly("AVX2", "FMA", "AVX-512", "AVX-512 VNNI", "AVX-VNNI", "AVX-512 BF16", "AMX");
        assertThat(fingerprint.memoryBytes()).isEqualTo(16314560L * 1024);
    }

    @Test
    void anArmBoardWithNeonAndDotProduct() {
        String cpuinfo = """
                processor\t: 0
                BogoMIPS\t: 108.00
                Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp
                CPU implementer\t: 0x41
                """;

        HardwareFingerprint fingerprint = HardwareFingerprint.parse(cpuinfo, "", 4, "Linux", "5.15", "25", "1.29.0", List.of());

        assertThat(fingerprint.cpuModel()).isEqualTo("unknown");
        assertThat(fingerprint.cores()).isEqualTo(4);
        assertThat(fingerprint.isa()).containsExactly("NEON", "NEON dot product");
        assertThat(fingerprint.memoryBytes()).isZero();
    }

    @Test
    void thisMachineHasACpuThreadsAndMemory() {
        HardwareFingerprint fingerprint = HardwareFingerprint.ofThisMachine("1.29.0", List.of("CPUExecutionProvider"));

        assertThat(fingerprint.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(fingerprint.cores()).isBetween(1, fingerprint.threads());
        assertThat(fingerprint.cpuModel()).isNotBlank();
        assertThat(fingerprint.kernel()).isNotBlank();
        assertThat(fingerprint.java()).startsWith(System.getProperty("java.version"));
    }

    @Test
    void threadCountsAreOneHalfAndAllEachOnce() {
        assertThat(HardwareSuite.threadCounts(1)).containsExactly(1);
        assertThat(HardwareSuite.threadCounts(2)).containsExactly(1, 2);
        assertThat(HardwareSuite.threadCounts(16)).containsExactly(1, 8, 16);
    }
}
