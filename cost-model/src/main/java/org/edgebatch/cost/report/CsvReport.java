package org.edgebatch.cost.report;

import java.util.List;
import java.util.stream.Collectors;

/** The table as CSV: one row per provider and variant, plain numbers (no separators), savings in percent. */
public final class CsvReport {

    public String render(CostReport report) {
        TableCells cells = new TableCells(report.table());
        StringBuilder out = new StringBuilder();
        List<String> header = cells.header().stream()
                .map(h -> h.equals("savings") ? "savings percent" : h).toList();
        out.append(line(header));
        for (List<String> row : cells.rows(false)) {
            out.append(line(row));
        }
        return out.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(CsvReport::quote).collect(Collectors.joining(",")) + "\n";
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
