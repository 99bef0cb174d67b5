package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Objects;

/** One billed line: its category, the amount rounded to the cent, and the arithmetic with its inputs. */
public record CostLine(CostCategory category, BigDecimal amount, String formula) {

    public CostLine {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(formula, "formula");
        if (amount.signum() < 0) {
            throw new IllegalStateException(category.label() + " cost came out negative: " + amount);
        }
        amount = Money.cents(amount);
    }
}
