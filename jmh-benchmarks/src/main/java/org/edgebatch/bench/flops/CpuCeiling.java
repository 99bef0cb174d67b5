package org.edgebatch.bench.flops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The fp32 FLOP ceiling of this machine's CPU where it is knowable: physical cores × clock × FLOPs per cycle of its
 * widest fused multiply-add (two FMA ports assumed, as on the server and desktop cores of the last decade). The
 * clock is the kernel's maximum frequency when it publishes one, else the clock the CPU reports, so on a virtual
 * machine the ceiling is of the base clock and turbo can exceed it.
 */
public record CpuCeiling(String model, int cores, double gigahertz, String isa, int flopsPerCycle) {

    /** Reads /proc/cpuinfo and the frequency the kernel publishes; empty where they are missing (not Linux). */
    public static Optional<CpuCeiling> ofThisMachine() {
        try {
            Path maxFrequency = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
            Optional<Double> maxKhz = Files.isReadable(maxFrequency)
                    ? Optional.of(Double.parseDouble(Files.readString(maxFrequency).trim())) : Optional.empty();
            return parse(Files.readString(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                    maxKhz.map(khz -> khz / 1e6));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** From the text of /proc/cpuinfo; empty when it names no clock and no kernel maximum is given. */
    static Optional<CpuCeiling> parse(String cpuinfo, int logicalCpus, Optional<Double> maxGigahertz) {
        String model = field(cpuinfo, "model name").orElse(field(cpuinfo, "Model").orElse("unknown CPU"));
        Set<String> flags = new HashSet<>(Arrays.asList(field(cpuinfo, "flags")
                .orElse(field(cpuinfo, "Features").orElse("")).split("\\s+")));
        int threadsPerCore = 1;
        Optional<String> siblings = field(cpuinfo, "siblings");
        Optional<String> coresPerSocket = field(cpuinfo, "cpu cores");
        if (siblings.isPresent() && coresPerSocket.isPresent()) {
            threadsPerCore = Math.max(1, Integer.parseInt(siblings.get()) / Integer.parseInt(coresPerSocket.get()));
        }
        int cores = Math.max(1, logicalCpus / threadsPerCore); // hyper-threads share their core's FMA ports
        Optional<Double> gigahertz = maxGigahertz.or(() -> field(cpuinfo, "cpu MHz").map(mhz -> Double.parseDouble(mhz) / 1000));
        if (gigahertz.isEmpty()) {
            return Optional.empty();
        }
        String isa;
        int perCycle;
        if (flags.contains("avx512f")) {
            isa = "AVX-512";
            perCycle = 2 * 16 * 2; // two ports × 16 fp32 lanes × (multiply + add)
        } else if (flags.contains("avx2") && flags.contains("fma")) {
            isa = "AVX2+FMA";
            perCycle = 2 * 8 * 2;
        } else if (flags.contains("avx")) {
            isa = "AVX";
            perCycle = 16; // separate multiply and add ports of 8 lanes
        } else if (flags.contains("asimd")) {
            isa = "NEON";
            perCycle = 2 * 4 * 2;
        } else {
            isa = "SSE";
            perCycle = 8;
        }
        return Optional.of(new CpuCeiling(model, cores, gigahertz.get(), isa, perCycle));
    }

    /** Cores × clock × FLOPs per cycle, in GFLOP/s. */
    public double gflopsPerSecond() {
        return cores * gigahertz * flopsPerCycle;
    }

    private static Optional<String> field(String cpuinfo, String name) {
        return cpuinfo.lines().filter(line -> line.startsWith(name) && line.contains(":"))
                .filter(line -> line.substring(0, line.indexOf(':')).trim().equals(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
    }
}
