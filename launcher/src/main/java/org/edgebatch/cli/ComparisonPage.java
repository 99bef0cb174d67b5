package org.edgebatch.cli;

import java.util.Base64;

/** {@code bench compare}'s HTML page: the side-by-side table and the charts' PNG inline, self-contained (no script, no link). */
final class ComparisonPage {

    String render(SuiteComparison comparison, byte[] chartPng) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>EdgeBatch bench compare</title>
                <style>
                body { font-family: sans-serif; margin: 2em; color: #222; }
                table { border-collapse: collapse; margin-bottom: 2em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
                th { background: #f0f0f0; text-align: left; }
                td.num { text-align: right; font-variant-numeric: tabular-nums; }
                tr.section th { background: #dde6f0; }
                </style>
                </head>
                <body>
                <h1>EdgeBatch hardware comparison</h1>
                """);
        html.append("<p>Machines: ").append(escape(String.join(", ", comparison.names())))
                .append(". Rates are medians of each machine's own <code>edgebatch bench suite</code> run.")
                .append(comparison.priced() ? " Cost: the machine's price per hour divided by the job's real-time factor." : "")
                .append("</p>\n<table id=\"comparison\">\n<thead><tr><th></th>");
        for (String name : comparison.names()) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        String section = null;
        for (SuiteComparison.Row row : comparison.rows()) {
            if (!row.section().equals(section)) {
                section = row.section();
                html.append("<tr class=\"section\"><th colspan=\"").append(comparison.names().size() + 1).append("\">")
                        .append(escape(section)).append("</th></tr>\n");
            }
            html.append("<tr><th>").append(escape(row.label())).append("</th>");
            for (String cell : row.cells()) {
                html.append(numeric(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<img alt=\"frames/s per model and per sampling mode\" width=\"")
                .append(ComparisonChart.WIDTH).append("\" height=\"").append(ComparisonChart.HEIGHT)
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(chartPng))
                .append("\">\n</body>\n</html>\n");
        return html.toString();
    }

    private static boolean numeric(String cell) {
        return cell.matches("[0-9.]+( \\([0-9]+ (threads|at once)\\))?");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
