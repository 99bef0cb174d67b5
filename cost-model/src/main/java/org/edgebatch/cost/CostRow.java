package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.List;

/** One row of the table (e.g. "AWS before"): its lines and their plain sum. */
public record CostRow(String label, List<CostLine> lines) {

    public CostRow {
        lines = List.copyOf(lines);
    }

    public BigDecimal sum() {
        return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public CostLine line(CostCategory category) {
        return lines.stream().filter(l -> l.category() == category).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(label + " has no " + category.label() + " line"));
    }
}
