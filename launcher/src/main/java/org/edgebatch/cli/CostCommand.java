package org.edgebatch.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.Money;
import org.edgebatch.cost.TieringMode;
import org.edgebatch.cost.report.ChartRenderer;
import org.edgebatch.cost.report.CostReport;
import org.edgebatch.cost.report.CostReportBuilder;
import org.edgebatch.cost.report.CostRequest;
import org.edgebatch.cost.report.CsvReport;
import org.edgebatch.cost.report.HtmlReport;
import org.edgebatch.cost.report.JsonReport;
import org.edgebatch.cost.report.MarkdownReport;
import org.edgebatch.cost.report.ReportFormat;
import org.edgebatch.cost.report.TextReport;
import org.edgebatch.cost.run.RunReportReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code edgebatch cost}: the edge-vs-cloud cost comparison, from a scenario or a finished run. */
@Command(name = "cost", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Compares the cloud bill of centralized video analysis with edge processing.",
                "",
                "--scenario published prints the published savings table to the cent. edge (the default) moves "
                        + "the AI to the edge and bills the edge nodes. Text, CSV and JSON go to stdout; md and html write files."})
final class CostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "edge",
            description = "published, centralized, edge-published or edge (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--tiering", paramLabel = "MODE", converter = TieringConverter.class,
            description = "published or list-price (default: published for --scenario published, else the scenario file's, else list-price)")
    TieringMode tiering;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, md, csv, json or html (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "where to write (default: stdout for text/csv/json, cost-report.md / cost-report.html for md/html)")
    Path output;

    @Option(names = "--scenario-file", paramLabel = "FILE", description = "a scenario YAML file (default: the bundled published scenario)")
    Path scenarioFile;

    @ArgGroup(exclusive = true)
    RunSource run;

    static final class RunSource {
        @Option(names = "--from-run", paramLabel = "ID", description = "project a finished job run (its report.json) to a year")
        Long executionId;

        @Option(names = "--report", paramLabel = "FILE", description = "project the run report in FILE to a year")
        Path reportFile;
    }

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "where --from-run looks for <repository>/<ID>/report.json (default: ~/.edgebatch/output/runs,"
                    + " or with --db the run's own output folder)")
    Path runsDir;

    @Option(names = "--db", paramLabel = "URL|PATH",
            description = "with --from-run: the job repository the run is in (a JDBC URL, or a path meaning an H2 file);"
                    + " it knows where the run wrote its report, and tells its report from another repository's with the same id")
    String database;

    @Option(names = "--cameras", paramLabel = "N", description = "camera count (scales the scenario, or sizes a run projection)")
    Integer cameras;

    @Option(names = "--providers", split = ",", paramLabel = "KEY", description = "providers to compare, e.g. aws,gcp (default: the scenario's)")
    List<String> providers;

    @Option(names = "--retained-fraction", paramLabel = "F", description = "fraction of the footage kept with edge processing (0 to 1)")
    String retainedFraction;

    @Option(names = "--access-factor", paramLabel = "F", description = "edge requests per centralized request, e.g. 2/3")
    String accessFactor;

    @Option(names = "--images", paramLabel = "N", description = "images analysed in the period")
    String images;

    @Option(names = "--stored-gb-months", paramLabel = "N", description = "GB-months stored in the period")
    String storedGbMonths;

    @Option(names = "--requests", paramLabel = "N", description = "storage requests in the period")
    String requests;

    @Option(names = "--edge-nodes", paramLabel = "N", description = "edge nodes")
    String edgeNodes;

    @Option(names = "--fps-per-node", paramLabel = "FPS", description = "frames per second one edge node processes")
    String fpsPerNode;

    @Option(names = "--price-per-hour", paramLabel = "USD", description = "price of one edge node-hour")
    String pricePerHour;

    @Option(names = "--monte-carlo", paramLabel = "N", defaultValue = "0", description = "Monte Carlo draws over the scenario's uncertain inputs (0: none)")
    int monteCarlo;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Monte Carlo seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sensitivity", description = "add savings sweeps, sensitivity swings and break-even points")
    boolean sensitivity;

    @Override
    public Integer call() throws IOException {
        CostReport report = new CostReportBuilder().build(request());
        var out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> emit(TextReport.plain().render(report));
            case CSV -> emit(new CsvReport().render(report));
            case JSON -> emit(new JsonReport().render(report));
            case HTML -> {
                Path file = output == null ? Path.of("cost-report.html") : output;
                createParent(file);
                Files.writeString(file, new HtmlReport(new ChartRenderer()).render(report));
                out.println("wrote " + file.toAbsolutePath());
            }
            case MD -> {
                Path file = output == null ? Path.of("cost-report.md") : output;
                for (Path written : new MarkdownReport(new ChartRenderer()).write(report, file)) {
                    out.println("wrote " + written);
                }
            }
        }
        out.flush();
        return 0;
    }

    private CostRequest request() {
        Map<Input, BigDecimal> overrides = new EnumMap<>(Input.class);
        override(overrides, Input.RETAINED_FRACTION, retainedFraction);
        override(overrides, Input.ACCESS_FACTOR, accessFactor);
        override(overrides, Input.IMAGES, images);
        override(overrides, Input.STORED_GB_MONTHS, storedGbMonths);
        override(overrides, Input.REQUESTS, requests);
        override(overrides, Input.EDGE_NODES, edgeNodes);
        override(overrides, Input.FPS_PER_NODE, fpsPerNode);
        override(overrides, Input.PRICE_PER_HOUR, pricePerHour);
        Path runReport = null;
        if (run != null && run.reportFile != null) {
            runReport = run.reportFile;
        } else if (run != null && run.executionId != null) {
            runReport = database != null ? inRepository(run.executionId)
                    : new RunReportReader().locate(run.executionId, runsDir == null ? RunReportReader.defaultRunsDir() : runsDir);
        } else if (runsDir != null || database != null) {
            throw new CostInputException((runsDir != null ? "--runs-dir" : "--db") + " is only used with --from-run ID");
        }
        if (cameras != null && cameras <= 0) {
            throw new CostInputException("--cameras must be > 0, was " + cameras);
        }
        if (monteCarlo < 0) {
            throw new CostInputException("--monte-carlo must be >= 0, was " + monteCarlo);
        }
        return new CostRequest(scenario, tiering, scenarioFile, runReport, cameras, overrides, providers, monteCarlo,
                seed, sensitivity || format.needsAnalysis());
    }

    private Path inRepository(long executionId) {
        try (JobSession session = JobSession.open(DatabaseUrls.resolve(database), spec.commandLine().getErr())) {
            return new RepositoryRunReport(session).locate(executionId, runsDir);
        }
    }

    private static void override(Map<Input, BigDecimal> overrides, Input input, String text) {
        if (text == null) {
            return;
        }
        try {
            overrides.put(input, Money.parse(text));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CostInputException("--" + CostReportBuilder.flag(input) + ": '" + text + "' is not a number");
        }
    }

    private void emit(String text) throws IOException {
        if (output == null) {
            spec.commandLine().getOut().print(text);
        } else {
            createParent(output);
            Files.writeString(output, text);
            spec.commandLine().getOut().println("wrote " + output.toAbsolutePath());
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** Accepts {@code published} and {@code list-price} (picocli's enum matching does not know the dash). */
    static final class TieringConverter implements picocli.CommandLine.ITypeConverter<TieringMode> {
        @Override
        public TieringMode convert(String value) {
            try {
                return TieringMode.of(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
