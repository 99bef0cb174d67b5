package org.edgebatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.edgebatch.bench.flops.CpuCeiling;
import org.edgebatch.bench.flops.FlopBenchmark;
import org.edgebatch.bench.flops.FlopCount;
import org.edgebatch.bench.flops.FlopCounter;
import org.edgebatch.bench.flops.FlopRate;
import org.edgebatch.bench.flops.OnnxModelReader;
import org.edgebatch.ort.OrtRuntime;

/** What {@code bench flops} does once the benchmarks are on the class path: count, time, print, write JSON. */
final class FlopsBench {

    /** The version of the JSON {@code bench flops --json} writes; readers check it. */
    static final int JSON_VERSION = 1;

    private final DemoData folder;
    private final List<String> models;
    private final int size;
    private final int threads;
    private final int runs;
    private final Path json;

    FlopsBench(DemoData folder, List<String> models, int size, int threads, int runs, Path json) {
        this.folder = folder;
        this.models = List.copyOf(models);
        this.size = size;
        this.threads = threads;
        this.runs = runs;
        this.json = json;
    }

    /** What {@code --json} writes. */
    record FlopsReport(int version, Optional<CpuCeiling> cpu, double ceilingGflops, List<FlopCount> counts,
                       List<FlopRate> rates) {
    }

    void run(PrintWriter out) {
        List<Path> files = new ArrayList<>();
        for (String name : models) {
            Path file = folder.models().resolve(name + ".onnx");
            if (!Files.isRegularFile(file)) {
                throw new CommandRefusal("no model " + name + ".onnx in " + folder.models());
            }
            files.add(file);
        }
        FlopCounter counter = new FlopCounter(new OnnxModelReader());
        List<FlopCount> counts = new ArrayList<>();
        for (Path file : files) {
            try {
                counts.add(counter.count(file, size));
            } catch (IllegalArgumentException e) {
                throw new CommandRefusal(e.getMessage());
            }
        }
        Optional<CpuCeiling> cpu = CpuCeiling.ofThisMachine();
        double ceiling = cpu.map(CpuCeiling::gflopsPerSecond).orElse(0.0);
        List<FlopRate> rates = new ArrayList<>();
        if (runs > 0) {
            int intraOp = threads > 0 ? threads : cpu.map(CpuCeiling::cores).orElse(Runtime.getRuntime().availableProcessors());
            try (OrtRuntime runtime = OrtRuntime.create()) {
                FlopBenchmark benchmark = new FlopBenchmark(runtime);
                for (int i = 0; i < files.size(); i++) {
                    rates.add(benchmark.measure(files.get(i), counts.get(i), intraOp, runs, ceiling));
                }
            }
        }
        print(out, cpu, counts, rates);
        if (json != null) {
            try {
                Files.writeString(json, JsonOutput.pretty(new FlopsReport(JSON_VERSION, cpu, ceiling, counts, rates)));
            } catch (IOException e) {
                throw new CommandRefusal("cannot write " + json + ": " + e.getMessage());
            }
        }
    }

    private void print(PrintWriter out, Optional<CpuCeiling> cpu, List<FlopCount> counts, List<FlopRate> rates) {
        out.println(cpu.map(c -> String.format(Locale.ROOT,
                        "CPU: %s, %d cores x %.2f GHz x %d FLOPs/cycle (%s) = %.1f GFLOP/s ceiling",
                        c.model(), c.cores(), c.gigahertz(), c.flopsPerCycle(), c.isa(), c.gflopsPerSecond()))
                .orElse("CPU: ceiling unknown (no clock in /proc/cpuinfo)"));
        List<String> header = new ArrayList<>(List.of("model", "input", ">GFLOP", "counted"));
        if (!rates.isEmpty()) {
            header.addAll(List.of(">threads", ">median ms", ">GFLOP/s", ">of ceiling"));
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (int i = 0; i < counts.size(); i++) {
            FlopCount count = counts.get(i);
            List<String> row = new ArrayList<>(List.of(models.get(i), count.inputShape().toString(),
                    String.format(Locale.ROOT, "%.3f", count.gflops()),
                    count.complete() ? "all" : "missing " + count.uncounted().size() + " nodes"));
            if (!rates.isEmpty()) {
                FlopRate rate = rates.get(i);
                row.addAll(List.of(Integer.toString(rate.threads()),
                        String.format(Locale.ROOT, "%.1f", rate.medianMillis()),
                        String.format(Locale.ROOT, "%.1f", rate.achievedGflops()),
                        Double.isNaN(rate.ceilingFraction()) ? "-"
                                : String.format(Locale.ROOT, "%.1f %%", 100 * rate.ceilingFraction())));
            }
            table.row(row.toArray());
        }
        table.print(out, "");
        out.flush();
    }
}
