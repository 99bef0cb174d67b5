package org.edgebatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code edgebatch bench compare}: {@code bench suite} results of several machines side by side, bar charts of their
 * frames/s per model and per sampling mode (PNG, and an HTML page holding the same), and with prices per hour what an
 * hour of footage costs to analyse on each. Needs no benchmark libraries: it only reads JSON.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Sets the JSON of 'bench suite --json' of several machines side by side: one column per machine;"
                + " detector frames/s per model, decode frames/s, the job's footage frames/s and real-time factor per"
                + " sampling mode, and with --price-per-hour the dollars per hour of footage analysed (price per hour /"
                + " real-time factor).",
                "Machines are named as their JSON names them ('bench suite --name', else the host name); a price may"
                        + " name the machine or its file. Reads JSON of every earlier version, and refuses newer ones"
                        + " saying so."})
final class BenchCompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON files written by 'bench suite --json'.")
    List<Path> files;

    @Option(names = "--price-per-hour", paramLabel = "MACHINE=USD", split = ",",
            description = "Price per hour of each machine, e.g. nuc=0.05,c7i.large=0.0893 (machine or file name).")
    Map<String, Double> prices = new LinkedHashMap<>();

    @Option(names = "--png", paramLabel = "FILE", description = "Write the bar charts as PNG to FILE.")
    Path png;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML page (table and charts) to FILE.")
    Path html;

    @Override
    public Integer call() {
        SuiteResultsReader reader = new SuiteResultsReader();
        List<SuiteResults> machines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            SuiteResults results = reader.read(file);
            if (!names.add(results.machine())) {
                // two runs of one machine: told apart by their file names
                results = results.named(results.machine() + " (" + file.getFileName() + ")");
                names.add(results.machine());
            }
            machines.add(results);
        }
        SuiteComparison comparison = new SuiteComparison(machines, pricesByMachine(machines));
        PrintWriter out = commandSpec.commandLine().getOut();
        print(out, comparison);
        byte[] chart = png != null || html != null ? new ComparisonChart().png(comparison) : null;
        if (png != null) {
            write(png, chart);
            out.println("Charts: " + png);
        }
        if (html != null) {
            write(html, new ComparisonPage().render(comparison, chart).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.println("Page: " + html);
        }
        out.flush();
        return ExitCodes.COMPLETED;
    }

    /** The prices by machine name; a file name (with or without .json) stands for its machine. */
    private Map<String, Double> pricesByMachine(List<SuiteResults> machines) {
        Map<String, Double> byMachine = new LinkedHashMap<>();
        prices.forEach((given, price) -> {
            if (price == null || !(price >= 0) || price.isInfinite()) {
                throw new CommandRefusal("--price-per-hour " + given + ": the price must be a number of dollars, 0 or more");
            }
            SuiteResults machine = machines.stream().filter(m -> m.machine().equals(given)).findFirst()
                    .or(() -> machines.stream().filter(m -> {
                        String file = Path.of(m.file()).getFileName().toString();
                        return file.equals(given) || file.equals(given + ".json");
                    }).findFirst())
                    .orElseThrow(() -> new CommandRefusal("--price-per-hour names machine '" + given + "', which none of the"
                            + " files holds (machines: " + String.join(", ", machines.stream().map(SuiteResults::machine).toList())
                            + ")"));
            byMachine.put(machine.machine(), price);
        });
        return byMachine;
    }

    private static void print(PrintWriter out, SuiteComparison comparison) {
        List<String> header = new ArrayList<>(List.of(""));
        comparison.names().forEach(name -> header.add(">" + name));
        String section = null;
        TextTable table = null;
        for (SuiteComparison.Row row : comparison.rows()) {
            if (!row.section().equals(section)) {
                if (table != null) {
                    table.print(out, "");
                    out.println();
                }
                section = row.section();
                header.set(0, section);
                table = new TextTable(header.toArray(String[]::new));
            }
            List<Object> cells = new ArrayList<>(List.of(row.label()));
            cells.addAll(row.cells());
            table.row(cells.toArray());
        }
        if (table != null) {
            table.print(out, "");
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new CommandRefusal("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
