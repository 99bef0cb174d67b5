package org.edgebatch.cost.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.io.JsonFiles;

/** Finds and reads a run report, checking every figure the projection relies on (errors name the field). */
public final class RunReportReader {

    private static final String REPORT_FILE = "report.json";

    /** Where runs are written unless the job says otherwise: {@code ~/.edgebatch/output/runs}. */
    public static Path defaultRunsDir() {
        return Path.of(System.getProperty("user.home"), ".edgebatch", "output", "runs");
    }

    /**
     * The report of run {@code executionId} under {@code dir}, which may be the runs folder itself or the job's
     * output folder holding {@code runs/}. Reports sit in one folder per job repository
     * ({@code runs/<repository>/<executionId>/report.json}), since every repository counts its executions from 1;
     * reports written before that ({@code runs/<executionId>/report.json}) are found too.
     *
     * @throws CostInputException when there is none, or several (from different repositories): the message lists them
     *                            and says how to choose
     */
    public Path locate(long executionId, Path dir) {
        String id = Long.toString(executionId);
        Set<Path> found = new LinkedHashSet<>();
        for (Path runs : List.of(dir, dir.resolve("runs"))) {
            for (Path repository : subfolders(runs)) {
                addIfReport(found, repository.resolve(id).resolve(REPORT_FILE));
            }
            addIfReport(found, runs.resolve(id).resolve(REPORT_FILE));
        }
        if (found.isEmpty()) {
            throw new CostInputException("no run report for execution " + executionId + " under " + dir + " (looked for "
                    + Path.of("<repository>", id, REPORT_FILE) + " and " + Path.of(id, REPORT_FILE) + ", also under "
                    + dir.resolve("runs") + "); pass --runs-dir or --report FILE");
        }
        if (found.size() > 1) {
            throw new CostInputException("execution " + executionId + " has " + found.size() + " run reports under " + dir
                    + ", from different job repositories: " + found.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "; pass --db with the repository the run is in, or --report FILE");
        }
        return found.iterator().next();
    }

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new CostInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void addIfReport(Set<Path> found, Path candidate) {
        if (Files.isRegularFile(candidate)) {
            found.add(candidate.toAbsolutePath().normalize());
        }
    }

    public RunReport read(Path file) {
        RunReport report;
        try {
            report = JsonFiles.readLenient(Files.newInputStream(file), file.toString(), RunReport.class);
        } catch (IOException e) {
            throw new CostInputException("run report " + file + " cannot be read: " + e.getMessage(), e);
        }
        String source = file.toString();
        if (report.status() == null || !report.status().equals("COMPLETED")) {
            throw new CostInputException(source + ": status is " + report.status()
                    + "; a projection needs a COMPLETED run");
        }
        RunReport.Totals totals = report.totals();
        if (totals == null) {
            throw new CostInputException(source + ": totals is missing");
        }
        positive(source, "totals.bytesScanned", totals.bytesScanned());
        positive(source, "totals.videoSeconds", totals.videoSeconds());
        positive(source, "totals.framesDecoded", totals.framesDecoded());
        positive(source, "totals.framesInferred", totals.framesInferred());
        nonNegative(source, "totals.bytesEventArtifacts", totals.bytesEventArtifacts());
        if (totals.bytesEventArtifacts() > totals.bytesScanned()) {
            throw new CostInputException(source + ": totals.bytesEventArtifacts (" + totals.bytesEventArtifacts()
                    + ") exceeds totals.bytesScanned (" + totals.bytesScanned() + ")");
        }
        if (totals.framesInferred() > totals.framesDecoded()) {
            throw new CostInputException(source + ": totals.framesInferred (" + totals.framesInferred()
                    + ") exceeds totals.framesDecoded (" + totals.framesDecoded() + ")");
        }
        if (report.nodes().isEmpty()) {
            positive(source, "totals.framesPerSecond", totals.framesPerSecond());
        }
        for (int i = 0; i < report.nodes().size(); i++) {
            positive(source, "nodes[" + i + "].framesPerSecond", report.nodes().get(i).framesPerSecond());
        }
        return report;
    }

    private static void positive(String source, String field, Number value) {
        if (value == null) {
            throw new CostInputException(source + ": " + field + " is missing");
        }
        if (new BigDecimal(value.toString()).signum() <= 0) {
            throw new CostInputException(source + ": " + field + " must be > 0, was " + value);
        }
    }

    private static void nonNegative(String source, String field, Number value) {
        if (value == null) {
            throw new CostInputException(source + ": " + field + " is missing");
        }
        if (new BigDecimal(value.toString()).signum() < 0) {
            throw new CostInputException(source + ": " + field + " must be >= 0, was " + value);
        }
    }
}
