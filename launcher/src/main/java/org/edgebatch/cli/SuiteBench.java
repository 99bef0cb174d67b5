package org.edgebatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgebatch.bench.suite.HardwareFingerprint;
import org.edgebatch.bench.suite.HardwareSuite;
import org.edgebatch.bench.suite.SuiteFootage;
import org.edgebatch.bench.suite.SuiteReport;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.spec.JobSpec;

/** What {@code bench suite} does once the benchmarks are on the class path: run the suite, print it, write JSON. */
final class SuiteBench {

    private final BenchSuiteCommand command;

    SuiteBench(BenchSuiteCommand command) {
        this.command = command;
    }

    int run() throws Exception {
        DemoData folder = command.modelNames.folder();
        List<Path> models = new ArrayList<>();
        for (String name : command.modelNames.models) {
            Path file = folder.models().resolve(name + ".onnx");
            if (!Files.isRegularFile(file)) {
                throw new CommandRefusal("no model " + name + ".onnx in " + folder.models());
            }
            models.add(file.toAbsolutePath());
        }
        List<ExecutionProvider> providers = new ArrayList<>();
        for (String name : command.providers) {
            try {
                providers.add(ExecutionProvider.byName(name));
            } catch (IllegalArgumentException e) {
                throw new CommandRefusal("--providers: " + e.getMessage(), e);
            }
        }
        List<SuiteFootage> footage = command.quick
                ? List.of(SuiteFootage.hd(command.seconds > 0 ? command.seconds : 4))
                : List.of(SuiteFootage.hd(command.seconds > 0 ? command.seconds : 20),
                        SuiteFootage.uhd(command.seconds > 0 ? command.seconds : 10));
        HardwareSuite.Settings settings = new HardwareSuite.Settings(models, providers, footage, command.quick ? 5 : 20,
                command.quick ? 1 : 3, command.quick, command.name != null ? command.name : hostName());
        Path work = (command.work != null ? command.work : JobSpec.edgebatchHome().resolve("bench-suite")).toAbsolutePath().normalize();
        FfmpegLogLevel.apply();
        PrintWriter out = command.commandSpec.commandLine().getOut();
        HardwareSuite suite = new HardwareSuite(settings, folder.folder(), work, out);
        suite.prepare();
        SuiteReport report;
        try (JobSession session = JobSession.open(JobSpec.h2FileDatabase(work.resolve("db").resolve("edgebatch")),
                command.commandSpec.commandLine().getErr())) {
            report = suite.run(session.bean(OrtRuntime.class), new SessionSuiteJobs(session));
        } catch (IllegalStateException e) {
            out.println(e.getMessage());
            out.flush();
            return ExitCodes.NOT_COMPLETED;
        }
        print(out, report);
        if (command.json != null) {
            try {
                Files.writeString(command.json, JsonOutput.pretty(report));
            } catch (IOException e) {
                throw new CommandRefusal("cannot write " + command.json + ": " + e.getMessage(), e);
            }
        }
        return ExitCodes.COMPLETED;
    }

    static void print(PrintWriter out, SuiteReport report) {
        HardwareFingerprint machine = report.fingerprint();
        out.println();
        out.printf(Locale.ROOT, "Machine %s (%s)%n", report.machine(), report.quick() ? "quick suite" : "suite");
        out.printf(Locale.ROOT, "CPU     %s, %d cores, %d threads, %s%n", machine.cpuModel(), machine.cores(), machine.threads(),
                machine.isa().isEmpty() ? "no AVX2/AVX-512/NEON" : String.join(", ", machine.isa()));
        out.printf(Locale.ROOT, "Memory  %.1f GiB; %s, kernel %s; Java %s%n", machine.memoryBytes() / 1073741824.0, machine.os(),
                machine.kernel(), machine.java());
        out.printf(Locale.ROOT, "ONNX Runtime %s, providers %s%n", machine.onnxRuntime(), String.join(", ", machine.providers()));
        out.println(report.ceiling() == null ? "Ceiling unknown (no clock in /proc/cpuinfo)"
                : String.format(Locale.ROOT, "Ceiling %.1f GFLOP/s fp32 (%d cores x %.2f GHz x %d FLOPs/cycle, %s)",
                        report.ceiling().gflopsPerSecond(), report.ceiling().cores(), report.ceiling().gigahertz(),
                        report.ceiling().flopsPerCycle(), report.ceiling().isa()));
        out.println();
        TextTable detector = new TextTable("model", "provider", ">GFLOP", ">threads", ">median ms", ">frames/s", ">GFLOP/s", ">of ceiling");
        for (SuiteReport.Model model : report.models()) {
            if (model.latency().isEmpty()) {
                detector.row(model.model(), model.provider(), gflop(model.gflops()), "", model.status(), "", "", "");
            }
            for (SuiteReport.Latency latency : model.latency()) {
                detector.row(model.model(), model.provider(), gflop(model.gflops()), latency.threads(),
                        fixed(latency.medianMillis(), 1), fixed(latency.framesPerSecond(), 1), fixed(latency.achievedGflops(), 1),
                        latency.ceilingFraction() == null ? "-" : fixed(100 * latency.ceilingFraction(), 1) + " %");
            }
            SuiteReport.FramesAtOnce atOnce = model.framesAtOnce();
            if (atOnce != null) {
                detector.row(model.model(), model.provider(), gflop(model.gflops()), atOnce.streams() + " at once", "-",
                        fixed(atOnce.framesPerSecond(), 1), fixed(atOnce.achievedGflops(), 1), report.ceiling() == null ? "-"
                                : fixed(100 * atOnce.achievedGflops() / report.ceiling().gflopsPerSecond(), 1) + " %");
            }
        }
        detector.print(out, "");
        out.println();
        TextTable decode = new TextTable("decode", "mode", ">frames out", ">frames out/s", ">x real time",
                ">unsampled frame cost");
        for (SuiteReport.Decode d : report.decode()) {
            decode.row(d.footage(), d.mode(), d.frames(), fixed(d.framesPerSecond(), 1), fixed(d.realTimeFactor(), 1),
                    d.unsampledFrameCost() == null ? "" : fixed(100 * d.unsampledFrameCost(), 0) + " %");
        }
        decode.print(out, "");
        out.println();
        TextTable jobs = new TextTable("job", "provider", "footage", "sampling", ">inferred", ">footage frames/s", ">x real time");
        for (SuiteReport.Job job : report.jobs()) {
            jobs.row(job.model(), job.provider(), job.footage(), job.sampling(), job.framesInferred(),
                    fixed(job.framesPerSecond(), 1), fixed(job.realTimeFactor(), 2));
        }
        jobs.print(out, "");
        out.println();
        out.printf(Locale.ROOT, "Peak RSS %s%n", report.peakRssBytes() < 0 ? "unknown (no /proc)"
                : String.format(Locale.ROOT, "%.0f MiB", report.peakRssBytes() / 1048576.0));
        out.flush();
    }

    private static String gflop(double gflops) {
        return fixed(gflops, 3);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null && !env.isBlank() ? env : "this machine";
        }
    }
}
