package org.edgebatch.cost.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.edgebatch.cost.Amounts;
import org.edgebatch.cost.CostCategory;
import org.edgebatch.cost.CostRow;
import org.edgebatch.cost.CostTable;
import org.edgebatch.cost.ProviderComparison;
import java.math.BigDecimal;

/** The table as cells: a header and one row per provider and variant, formatted as the published table is. */
final class TableCells {

    private final CostTable table;

    TableCells(CostTable table) {
        this.table = table;
    }

    List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("provider");
        table.columns().forEach(c -> header.add(c.label()));
        header.add("sum");
        if (table.kind().hasEdgeRow()) {
            header.add("savings");
        }
        return header;
    }

    /** Rows with {@code 210,500.00} and {@code 73.40%} when {@code grouped}, {@code 210500.00} and {@code 73.40} otherwise. */
    List<List<String>> rows(boolean grouped) {
        Function<BigDecimal, String> money = grouped ? Amounts::money : Amounts::plainMoney;
        List<List<String>> rows = new ArrayList<>();
        for (ProviderComparison comparison : table.comparisons()) {
            rows.add(row(comparison.before(), money, ""));
            comparison.edgeRow().ifPresent(edge -> {
                BigDecimal savings = comparison.savings().orElseThrow();
                rows.add(row(edge, money, grouped ? Amounts.percent(savings) : Amounts.percentNumber(savings).toPlainString()));
            });
        }
        return rows;
    }

    private List<String> row(CostRow row, Function<BigDecimal, String> money, String savings) {
        List<String> cells = new ArrayList<>();
        cells.add(row.label());
        for (CostCategory category : table.columns()) {
            cells.add(money.apply(row.line(category).amount()));
        }
        cells.add(money.apply(row.sum()));
        if (table.kind().hasEdgeRow()) {
            cells.add(savings);
        }
        return cells;
    }

    /** A pipe table with padded, right-aligned numbers: readable as text and valid Markdown. */
    String pipeTable() {
        List<String> header = header();
        List<List<String>> rows = rows(true);
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
            widths[i] = Math.max(widths[i], 3);
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            out.append(i == 0 ? "-".repeat(widths[i] + 2) : "-".repeat(widths[i] + 1) + ":").append('|');
        }
        out.append('\n');
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padded = i == 0 ? cell + " ".repeat(widths[i] - cell.length())
                    : " ".repeat(widths[i] - cell.length()) + cell;
            out.append(' ').append(padded).append(" |");
        }
        out.append('\n');
    }
}
