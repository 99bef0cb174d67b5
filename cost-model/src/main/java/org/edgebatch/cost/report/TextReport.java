package org.edgebatch.cost.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgebatch.cost.Amounts;
import org.edgebatch.cost.CostLine;
import org.edgebatch.cost.CostRow;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.PricedItem;
import org.edgebatch.cost.ProviderComparison;
import org.edgebatch.cost.analysis.BreakEvenResult;
import org.edgebatch.cost.analysis.MonteCarloResult;
import org.edgebatch.cost.analysis.Sweep;
import org.edgebatch.cost.analysis.Swing;

/** The report as plain text for a terminal, or as Markdown (same content, headings and chart images added). */
public final class TextReport {

    /** A chart image written beside a Markdown report. */
    public record ChartLink(String title, String fileName) {
    }

    private final boolean markdown;

    private TextReport(boolean markdown) {
        this.markdown = markdown;
    }

    public static TextReport plain() {
        return new TextReport(false);
    }

    public static TextReport markdown() {
        return new TextReport(true);
    }

    public String render(CostReport report) {
        return render(report, List.of());
    }

    public String render(CostReport report, List<ChartLink> charts) {
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "# " : "").append(report.title()).append("\n\n");
        out.append(new TableCells(report.table()).pipeTable()).append('\n');
        if (report.claimEstimate() != null) {
            out.append("Compute claim: ").append(Amounts.quantity(report.claim().footageHours())).append(" h of ")
                    .append(Amounts.quantity(report.claim().sourceFps())).append(" fps footage = ")
                    .append(report.claimEstimate().formula());
            if (report.claim().quoted() != null) {
                out.append(" (quoted as $").append(Amounts.money(report.claim().quoted())).append(')');
            }
            out.append("\n\n");
        }
        for (ChartLink chart : charts) {
            out.append("![").append(chart.title()).append("](").append(chart.fileName()).append(")\n\n");
        }
        section(out, "Scenario", List.of(report.scenarioDescription().isEmpty() ? report.scenarioName() : report.scenarioDescription(),
                "Footage: " + report.footage()));
        if (!report.run().isEmpty()) {
            section(out, "Measured run", report.run());
        }
        section(out, "Inputs", inputs(report));
        section(out, "Line items", lineItems(report));
        if (report.analysis() != null) {
            analysis(out, report.analysis());
        }
        section(out, "Prices", prices(report));
        if (!report.notes().isEmpty()) {
            section(out, "Notes", report.notes());
        }
        return out.toString();
    }

    private void section(StringBuilder out, String title, List<String> lines) {
        out.append(markdown ? "## " + title : title + ":").append('\n');
        if (markdown) {
            out.append('\n');
        }
        for (String line : lines) {
            out.append(markdown ? "- " : "  ").append(line).append('\n');
        }
        out.append('\n');
    }

    private static List<String> inputs(CostReport report) {
        List<String> lines = new ArrayList<>();
        for (Input input : Input.values()) {
            lines.add(input.key() + " = " + Amounts.quantity(report.inputs().values().get(input)) + " ("
                    + report.inputs().source(input) + ")");
        }
        return lines;
    }

    private static List<String> lineItems(CostReport report) {
        List<String> lines = new ArrayList<>();
        for (ProviderComparison comparison : report.table().comparisons()) {
            addRow(lines, comparison.before());
            comparison.edgeRow().ifPresent(edge -> addRow(lines, edge));
        }
        return lines;
    }

    private static void addRow(List<String> lines, CostRow row) {
        for (CostLine line : row.lines()) {
            lines.add(row.label() + ", " + line.category().label() + " $" + Amounts.money(line.amount()) + ": " + line.formula());
        }
    }

    private void analysis(StringBuilder out, Analysis analysis) {
        List<String> breakEvens = analysis.breakEvens().stream().map(BreakEvenResult::describe).toList();
        section(out, "Break-even", breakEvens);
        section(out, "Savings vs retained fraction", sweep(analysis.retainedFraction(), 2));
        List<String> swings = new ArrayList<>();
        for (Swing swing : analysis.tornado()) {
            swings.add(String.format(Locale.ROOT, "%s, %s from %s to %s: savings %s to %s", swing.provider(), swing.input(),
                    number(swing.low()), number(swing.high()), percent(swing.savingsAtLow()), percent(swing.savingsAtHigh())));
        }
        if (!swings.isEmpty()) {
            section(out, "Sensitivity (5th to 95th percentile of each uncertain input, widest first)", swings);
        }
        if (analysis.monteCarlo() != null) {
            section(out, "Monte Carlo", monteCarlo(analysis.monteCarlo()));
        }
    }

    private static List<String> sweep(Sweep sweep, int every) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sweep.values().length; i += every) {
            StringBuilder line = new StringBuilder(sweep.input().key() + " " + number(sweep.values()[i]) + ":");
            for (Sweep.Series series : sweep.series()) {
                line.append(' ').append(series.provider()).append(' ').append(percent(series.savings()[i]));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> monteCarlo(MonteCarloResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(result.samples() + " draws (seed " + result.seed() + ") of " + String.join(", ", result.inputs()));
        for (MonteCarloResult.Outcome outcome : result.outcomes()) {
            String driver = outcome.rankCorrelation().entrySet().stream()
                    .filter(e -> !e.getValue().isNaN())
                    .max(Map.Entry.comparingByValue((a, b) -> Double.compare(Math.abs(a), Math.abs(b))))
                    .map(e -> String.format(Locale.ROOT, "; strongest driver %s (rank correlation %.2f)", e.getKey(), e.getValue()))
                    .orElse("");
            lines.add(String.format(Locale.ROOT, "%s: mean savings %s, 90%% interval %s to %s, edge saves in %.1f%% of draws%s",
                    outcome.provider(), percent(outcome.mean()), percent(outcome.p5()), percent(outcome.p95()),
                    outcome.probabilityOfSaving() * 100, driver));
        }
        return lines;
    }

    private List<String> prices(CostReport report) {
        List<String> lines = new ArrayList<>();
        for (PriceCatalog catalog : report.catalogs()) {
            lines.add(catalog.label() + ": read " + catalog.readOn() + " from " + catalog.source() + "; " + catalog.units());
            for (PricedItem item : List.of(catalog.storage(), catalog.requests(), catalog.images(), catalog.ingress())) {
                // The terminal gets the sources only; Markdown (like HTML and JSON) carries each price's provenance.
                if (markdown && !item.provenance().isEmpty()) {
                    lines.add(catalog.label() + " " + item.service() + ": " + item.provenance());
                }
            }
        }
        return lines;
    }

    static String percent(double fraction) {
        return Amounts.percent(BigDecimal.valueOf(fraction));
    }

    static String number(double value) {
        return Amounts.quantity(BigDecimal.valueOf(value));
    }
}
