package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Optional;

/** One provider's centralized bill and, when the scenario has one, its edge bill and the savings between them. */
public record ProviderComparison(PriceCatalog catalog, CostRow before, CostRow edge) {

    public Optional<CostRow> edgeRow() {
        return Optional.ofNullable(edge);
    }

    /** {@code (before − edge) / before}, unrounded; empty without an edge row. */
    public Optional<BigDecimal> savings() {
        if (edge == null) {
            return Optional.empty();
        }
        BigDecimal before = before().sum();
        BigDecimal difference = before.subtract(edge.sum());
        if (before.signum() == 0) {
            if (difference.signum() == 0) {
                return Optional.of(BigDecimal.ZERO);
            }
            throw new ArithmeticException("savings are undefined for " + catalog.label()
                    + ": the centralized bill is zero and the edge bill is not");
        }
        return Optional.of(Money.divide(difference, before));
    }
}
