package org.edgebatch.cost.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.io.JsonFiles;

/** Finds and reads a run report, checking every figure the projection relies on (errors name the field). */
public final class RunReportReader {

    /** Where runs are written unless the job says otherwise: {@code ~/.edgebatch/output/runs}. */
    public static Path defaultRunsDir() {
        return Path.of(System.getProperty("user.home"), ".edgebatch", "output", "runs");
    }

    /**
     * The report of run {@code executionId} under {@code dir}, which may be the runs folder itself or the job's
     * output folder holding {@code runs/}.
     */
    public Path locate(long executionId, Path dir) {
        List<Path> candidates = new ArrayList<>(List.of(
                dir.resolve(Long.toString(executionId)).resolve("report.json"),
                dir.resolve("runs").resolve(Long.toString(executionId)).resolve("report.json")));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new CostInputException("no run report for execution " + executionId + " (looked for "
                + candidates.get(0) + " and " + candidates.get(1) + "); pass --runs-dir or --report FILE");
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
