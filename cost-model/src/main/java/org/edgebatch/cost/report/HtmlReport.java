package org.edgebatch.cost.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.edgebatch.cost.Amounts;
import org.edgebatch.cost.CostLine;
import org.edgebatch.cost.CostRow;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.PricedItem;
import org.edgebatch.cost.ProviderComparison;
import org.edgebatch.cost.analysis.BreakEvenResult;
import org.edgebatch.cost.analysis.MonteCarloResult;
import org.edgebatch.cost.analysis.Swing;

/**
 * A self-contained HTML report: the table, the charts as base64 PNG data URIs, inputs, line items, analysis and
 * prices. No script, no stylesheet or image from elsewhere, so it opens offline and as an e-mail attachment.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:24px auto;max-width:1180px;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 8px}
            th{background:#f2f4f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.edge td{background:#f7fbf3}figure{margin:12px 0}figure img{max-width:100%;border:1px solid #eee}
            .small{font-size:.85em;color:#555}""";

    private final ChartRenderer charts;

    public HtmlReport(ChartRenderer charts) {
        this.charts = charts;
    }

    public String render(CostReport report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(report.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(report.title())).append("</h1>\n");
        out.append("<p>").append(escape(report.scenarioDescription())).append("</p>\n");
        out.append("<p class=\"small\">Footage: ").append(escape(report.footage())).append("</p>\n");
        table(out, report);
        if (report.claimEstimate() != null) {
            out.append("<p id=\"claim\">Compute claim: ").append(escape(Amounts.quantity(report.claim().footageHours())
                    + " h of " + Amounts.quantity(report.claim().sourceFps()) + " fps footage = "
                    + report.claimEstimate().formula()
                    + (report.claim().quoted() == null ? "" : " (quoted as $" + Amounts.money(report.claim().quoted()) + ")")))
                    .append("</p>\n");
        }
        out.append("<h2>Charts</h2>\n");
        figure(out, "costs", charts.costBars(report.table()), "Cost per provider, centralized and edge, stacked by category");
        if (report.analysis() != null) {
            figure(out, "savings-retained", charts.savingsSweep(report.analysis().retainedFraction(),
                    "Savings vs retained fraction", "retained fraction of the footage", 1), "Savings vs retained fraction");
            figure(out, "savings-images", charts.savingsSweep(report.analysis().imagesAnalysed(),
                    "Savings vs images analysed", "images analysed (millions)", 1e6), "Savings vs images analysed");
            if (report.analysis().monteCarlo() != null) {
                figure(out, "monte-carlo", charts.monteCarlo(report.analysis().monteCarlo()), "Monte Carlo savings");
            }
            analysis(out, report.analysis());
        }
        if (!report.run().isEmpty()) {
            list(out, "Measured run", report.run());
        }
        inputs(out, report);
        lineItems(out, report);
        prices(out, report);
        if (!report.notes().isEmpty()) {
            list(out, "Notes", report.notes());
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void table(StringBuilder out, CostReport report) {
        TableCells cells = new TableCells(report.table());
        out.append("<table id=\"costs\">\n<thead><tr>");
        cells.header().forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : cells.rows(true)) {
            out.append(row.get(0).endsWith(" edge") ? "<tr class=\"edge\">" : "<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "<td>" : "<td class=\"num\">").append(escape(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void figure(StringBuilder out, String id, byte[] png, String caption) {
        out.append("<figure id=\"chart-").append(id).append("\"><img alt=\"").append(escape(caption))
                .append("\" width=\"").append(ChartRenderer.WIDTH).append("\" height=\"").append(ChartRenderer.HEIGHT)
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption class=\"small\">").append(escape(caption)).append("</figcaption></figure>\n");
    }

    private static void analysis(StringBuilder out, Analysis analysis) {
        list(out, "Break-even", analysis.breakEvens().stream().map(BreakEvenResult::describe).toList());
        if (!analysis.tornado().isEmpty()) {
            out.append("<h2>Sensitivity</h2>\n<p class=\"small\">Each uncertain input from its 5th to its 95th percentile, the others at base.</p>\n");
            out.append("<table><tr><th>provider</th><th>input</th><th>low</th><th>high</th><th>savings at low</th><th>savings at high</th></tr>\n");
            for (Swing swing : analysis.tornado()) {
                out.append("<tr><td>").append(escape(swing.provider())).append("</td><td>").append(escape(swing.input()))
                        .append("</td><td class=\"num\">").append(TextReport.number(swing.low()))
                        .append("</td><td class=\"num\">").append(TextReport.number(swing.high()))
                        .append("</td><td class=\"num\">").append(TextReport.percent(swing.savingsAtLow()))
                        .append("</td><td class=\"num\">").append(TextReport.percent(swing.savingsAtHigh())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        MonteCarloResult mc = analysis.monteCarlo();
        if (mc != null) {
            out.append("<h2>Monte Carlo</h2>\n<p class=\"small\">").append(mc.samples()).append(" draws, seed ")
                    .append(mc.seed()).append(", of ").append(escape(String.join(", ", mc.inputs()))).append("</p>\n");
            out.append("<table id=\"monte-carlo\"><tr><th>provider</th><th>mean savings</th><th>5th percentile</th>"
                    + "<th>95th percentile</th><th>edge saves in</th></tr>\n");
            for (MonteCarloResult.Outcome o : mc.outcomes()) {
                out.append("<tr><td>").append(escape(o.provider())).append("</td><td class=\"num\">")
                        .append(TextReport.percent(o.mean())).append("</td><td class=\"num\">").append(TextReport.percent(o.p5()))
                        .append("</td><td class=\"num\">").append(TextReport.percent(o.p95())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f%%", o.probabilityOfSaving() * 100)).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
    }

    private static void inputs(StringBuilder out, CostReport report) {
        out.append("<h2>Inputs</h2>\n<table id=\"inputs\"><tr><th>input</th><th>meaning</th><th>value</th><th>source</th></tr>\n");
        for (Input input : Input.values()) {
            out.append("<tr><td>").append(input.key()).append("</td><td>").append(escape(input.description()))
                    .append("</td><td class=\"num\">")
                    .append(Amounts.quantity(report.inputs().values().get(input))).append("</td><td>")
                    .append(escape(report.inputs().source(input))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void lineItems(StringBuilder out, CostReport report) {
        out.append("<h2>Line items</h2>\n<table id=\"lines\"><tr><th>row</th><th>category</th><th>amount</th><th>formula</th></tr>\n");
        for (ProviderComparison comparison : report.table().comparisons()) {
            List<CostRow> rows = new ArrayList<>(List.of(comparison.before()));
            comparison.edgeRow().ifPresent(rows::add);
            for (CostRow row : rows) {
                for (CostLine line : row.lines()) {
                    out.append("<tr><td>").append(escape(row.label())).append("</td><td>").append(escape(line.category().label()))
                            .append("</td><td class=\"num\">").append(Amounts.money(line.amount())).append("</td><td>")
                            .append(escape(line.formula())).append("</td></tr>\n");
                }
            }
        }
        out.append("</table>\n");
    }

    private static void prices(StringBuilder out, CostReport report) {
        List<String> lines = new ArrayList<>();
        for (PriceCatalog catalog : report.catalogs()) {
            lines.add(catalog.label() + ": read " + catalog.readOn() + " from " + catalog.source() + "; " + catalog.units());
            for (PricedItem item : List.of(catalog.storage(), catalog.requests(), catalog.images(), catalog.ingress())) {
                if (!item.provenance().isEmpty()) {
                    lines.add(catalog.label() + " " + item.service() + ": " + item.provenance());
                }
            }
        }
        list(out, "Prices", lines);
    }

    private static void list(StringBuilder out, String title, List<String> items) {
        out.append("<h2>").append(escape(title)).append("</h2>\n<ul>\n");
        items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
        out.append("</ul>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
