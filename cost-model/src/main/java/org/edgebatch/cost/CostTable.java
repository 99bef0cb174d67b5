package org.edgebatch.cost;

import java.util.List;

/** The comparison table: one {@link ProviderComparison} per provider, with the columns of its scenario. */
public record CostTable(ScenarioKind kind, TieringMode tiering, List<ProviderComparison> comparisons) {

    public CostTable {
        comparisons = List.copyOf(comparisons);
    }

    public List<CostCategory> columns() {
        return kind.columns();
    }

    public ProviderComparison provider(String provider) {
        return comparisons.stream().filter(c -> c.catalog().provider().equals(provider)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no provider '" + provider + "' in this table"));
    }
}
