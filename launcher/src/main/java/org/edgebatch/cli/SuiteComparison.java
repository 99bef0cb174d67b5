package org.edgebatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Machines' suite results side by side: one row per figure, one column per machine, and with prices per hour the
 * dollars per hour of footage analysed (price per hour / real-time factor) for each job row. The text table,
 * the charts and the HTML page are all drawn from this.
 */
final class SuiteComparison {

    /** A row: its section, its label and one cell per machine ("" where a machine lacks the figure). */
    record Row(String section, String label, List<String> cells) {
    }

    private final List<SuiteResults> machines;
    private final Map<String, Double> pricePerHour;

    /** @param pricePerHour by machine name, every name one of the machines' */
    SuiteComparison(List<SuiteResults> machines, Map<String, Double> pricePerHour) {
        this.machines = List.copyOf(machines);
        this.pricePerHour = Map.copyOf(pricePerHour);
    }

    List<SuiteResults> machines() {
        return machines;
    }

    List<String> names() {
        return machines.stream().map(SuiteResults::machine).toList();
    }

    boolean priced() {
        return !pricePerHour.isEmpty();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("machine", "CPU", m -> m.cpu()));
        rows.add(row("machine", "cores / threads", m -> m.cores() + " / " + m.threads()));
        rows.add(row("machine", "ISA", m -> m.isa().isEmpty() ? "-" : String.join(" ", m.isa())));
        rows.add(row("machine", "memory GiB", m -> m.memoryBytes() > 0 ? fixed(m.memoryBytes() / 1073741824.0, 1) : "?"));
        rows.add(row("machine", "ONNX Runtime", m -> m.onnxRuntime().isEmpty() ? "?" : m.onnxRuntime()));
        rows.add(row("machine", "suite JSON version", m -> Integer.toString(m.version())));
        rows.add(row("machine", "price $/hour", m -> Optional.ofNullable(pricePerHour.get(m.machine())).map(p -> fixed(p, 3)).orElse("")));
        List<String> detectors = union(m -> m.detectors().stream().map(d -> d.model() + " " + d.provider()).toList());
        for (String key : detectors) {
            rows.add(row("detector frames/s, 1 thread", key, m -> detector(m, key, true)));
        }
        for (String key : detectors) {
            rows.add(row("detector frames/s, all threads", key, m -> detector(m, key, false)));
        }
        for (String key : union(m -> m.atOnce().stream().map(a -> a.model() + " " + a.provider()).toList())) {
            rows.add(row("detector frames/s, frames at once (1 thread each)", key, m -> m.atOnce().stream()
                    .filter(a -> (a.model() + " " + a.provider()).equals(key)).findFirst()
                    .map(a -> fixed(a.framesPerSecond(), 1) + " (" + a.streams() + " at once)").orElse("")));
        }
        for (String key : union(m -> m.decodes().stream().map(d -> d.footage() + " " + d.mode()).toList())) {
            rows.add(row("decode frames/s", key, m -> m.decodes().stream().filter(d -> (d.footage() + " " + d.mode()).equals(key))
                    .findFirst().map(d -> fixed(d.framesPerSecond(), 1)).orElse("")));
        }
        List<String> jobs = union(m -> m.jobs().stream().map(SuiteComparison::jobKey).toList());
        for (String key : jobs) {
            rows.add(row("job footage frames/s", key, m -> job(m, key).map(j -> fixed(j.framesPerSecond(), 1)).orElse("")));
        }
        for (String key : jobs) {
            rows.add(row("job x real time", key, m -> job(m, key).map(j -> fixed(j.realTimeFactor(), 2)).orElse("")));
        }
        if (priced()) {
            for (String key : jobs) {
                rows.add(row("$ per hour of footage", key, m -> job(m, key).flatMap(j -> dollarsPerFootageHour(m, j))
                        .map(d -> fixed(d, 4)).orElse("")));
            }
        }
        rows.add(row("memory", "peak RSS MiB", m -> m.peakRssBytes() < 0 ? "?" : fixed(m.peakRssBytes() / 1048576.0, 0)));
        return rows;
    }

    /** Price per hour / real-time factor: what an hour of footage costs to analyse on the machine. */
    Optional<Double> dollarsPerFootageHour(SuiteResults machine, SuiteResults.JobRate job) {
        return Optional.ofNullable(pricePerHour.get(machine.machine())).map(price -> price / job.realTimeFactor());
    }

    /** The model, and the provider unless it is the CPU, e.g. {@code yolox_nano_coco} or {@code yolox_nano_coco openvino}. */
    static String modelKey(String model, String provider) {
        return provider.equals("cpu") ? model : model + " " + provider;
    }

    static String jobKey(SuiteResults.JobRate job) {
        return modelKey(job.model(), job.provider()) + ", " + job.footage() + ", " + job.sampling();
    }

    static Optional<SuiteResults.JobRate> job(SuiteResults machine, String key) {
        return machine.jobs().stream().filter(j -> jobKey(j).equals(key)).findFirst();
    }

    /** The machine's detector rate at one thread, or at its most threads; the status where it was unavailable. */
    static String detector(SuiteResults machine, String key, boolean oneThread) {
        List<SuiteResults.DetectorRate> rates = machine.detectors().stream()
                .filter(d -> (d.model() + " " + d.provider()).equals(key)).toList();
        if (rates.isEmpty()) {
            return "";
        }
        Optional<SuiteResults.DetectorRate> ok = rates.stream().filter(SuiteResults.DetectorRate::ok)
                .reduce((a, b) -> oneThread ? (a.threads() <= b.threads() ? a : b) : (a.threads() >= b.threads() ? a : b));
        return ok.map(d -> fixed(d.framesPerSecond(), 1) + (oneThread ? "" : " (" + d.threads() + " threads)"))
                .orElse(rates.getFirst().status());
    }

    private Row row(String section, String label, Function<SuiteResults, String> cell) {
        return new Row(section, label, machines.stream().map(cell).toList());
    }

    private List<String> union(Function<SuiteResults, List<String>> keys) {
        Set<String> all = new LinkedHashSet<>();
        machines.forEach(m -> all.addAll(keys.apply(m)));
        return List.copyOf(all);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
