package org.edgebatch.cost.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Markdown report with its charts written as PNG files beside it ({@code <name>-costs.png}, ...). */
public final class MarkdownReport {

    private final ChartRenderer charts;

    public MarkdownReport(ChartRenderer charts) {
        this.charts = charts;
    }

    /** Writes {@code file} and its charts; returns every file written. */
    public List<Path> write(CostReport report, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String stem = file.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
        List<Path> written = new ArrayList<>();
        List<TextReport.ChartLink> links = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            chart(dir, stem + "-costs.png", "Cost per provider", charts.costBars(report.table()), links, written);
            if (report.analysis() != null) {
                chart(dir, stem + "-savings-retained.png", "Savings vs retained fraction",
                        charts.savingsSweep(report.analysis().retainedFraction(), "Savings vs retained fraction",
                                "retained fraction of the footage", 1), links, written);
                chart(dir, stem + "-savings-images.png", "Savings vs images analysed",
                        charts.savingsSweep(report.analysis().imagesAnalysed(), "Savings vs images analysed",
                                "images analysed (millions)", 1e6), links, written);
                if (report.analysis().monteCarlo() != null) {
                    chart(dir, stem + "-monte-carlo.png", "Monte Carlo savings",
                            charts.monteCarlo(report.analysis().monteCarlo()), links, written);
                }
            }
            Files.writeString(file, TextReport.markdown().render(report, links));
            written.add(0, file);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Markdown report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void chart(Path dir, String name, String title, byte[] png, List<TextReport.ChartLink> links,
                              List<Path> written) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, png);
        links.add(new TextReport.ChartLink(title, name));
        written.add(path);
    }
}
