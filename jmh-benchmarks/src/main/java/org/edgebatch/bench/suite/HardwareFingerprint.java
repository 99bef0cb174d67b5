package org.edgebatch.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a suite's figures were measured on: the CPU (model, physical cores, hardware threads, the ISA extensions that
 * matter for inference), memory, OS and kernel, Java, and ONNX Runtime with the execution providers its build offers.
 * Read from {@code /proc/cpuinfo} and {@code /proc/meminfo} where they exist; fields they would give are "unknown" or
 * 0 elsewhere.
 */
public record HardwareFingerprint(String cpuModel, int cores, int threads, List<String> isa, long memoryBytes,
                                  String os, String kernel, String java, String onnxRuntime, List<String> providers) {

    /** Flags of /proc/cpuinfo by the name the suite reports them under, in the order printed. */
    private static final Map<String, List<String>> ISA_FLAGS = isaFlags();

    public HardwareFingerprint {
        isa = List.copyOf(isa);
        providers = List.copyOf(providers);
    }

    /** This machine, with the given ONNX Runtime's version and providers. */
    public static HardwareFingerprint ofThisMachine(String onnxRuntimeVersion, List<String> providers) {
        return parse(read(Path.of("/proc/cpuinfo")), read(Path.of("/proc/meminfo")), Runtime.getRuntime().availableProcessors(),
                osName(), System.getProperty("os.version"),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                onnxRuntimeVersion, providers);
    }

    /** From the texts of /proc/cpuinfo and /proc/meminfo (either may be empty). */
    static HardwareFingerprint parse(String cpuinfo, String meminfo, int logicalCpus, String os, String kernel, String java,
                                     String onnxRuntime, List<String> providers) {
        String model = field(cpuinfo, "model name").or(() -> field(cpuinfo, "Model")).orElse("unknown");
        Set<String> flags = new HashSet<>(Arrays.asList(field(cpuinfo, "flags")
                .or(() -> field(cpuinfo, "Features")).orElse("").split("\\s+")));
        List<String> isa = new ArrayList<>();
        ISA_FLAGS.forEach((name, any) -> {
            if (any.stream().anyMatch(flags::contains)) {
                isa.add(name);
            }
        });
        int threadsPerCore = 1;
        Optional<String> siblings = field(cpuinfo, "siblings");
        Optional<String> coresPerSocket = field(cpuinfo, "cpu cores");
        if (siblings.isPresent() && coresPerSocket.isPresent()) {
            threadsPerCore = Math.max(1, Integer.parseInt(siblings.get()) / Math.max(1, Integer.parseInt(coresPerSocket.get())));
        }
        long memory = field(meminfo, "MemTotal").map(kb -> Long.parseLong(kb.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
        return new HardwareFingerprint(model, Math.max(1, logicalCpus / threadsPerCore), logicalCpus, isa, memory, os, kernel,
                java, onnxRuntime, providers);
    }

    private static Map<String, List<String>> isaFlags() {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        flags.put("AVX2", List.of("avx2"));
        flags.put("FMA", List.of("fma"));
        flags.put("AVX-512", List.of("avx512f"));
        flags.put("AVX-512 VNNI", List.of("avx512_vnni"));
        flags.put("AVX-VNNI", List.of("avx_vnni"));
        flags.put("AVX-512 BF16", List.of("avx512_bf16"));
        flags.put("AMX", List.of("amx_tile"));
        flags.put("NEON", List.of("asimd"));
        flags.put("NEON dot product", List.of("asimddp"));
        flags.put("SVE", List.of("sve"));
        return flags;
    }

    private static String osName() {
        String pretty = field(read(Path.of("/etc/os-release")), "PRETTY_NAME", '=').orElse(null);
        String name = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        return pretty == null ? name : pretty.replace("\"", "") + " (" + name + ")";
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<String> field(String text, String name) {
        return field(text, name, ':');
    }

    private static Optional<String> field(String text, String name, char separator) {
        return text.lines().filter(line -> line.indexOf(separator) > 0)
                .filter(line -> line.substring(0, line.indexOf(separator)).trim().equals(name))
                .map(line -> line.substring(line.indexOf(separator) + 1).trim()).findFirst();
    }
}
