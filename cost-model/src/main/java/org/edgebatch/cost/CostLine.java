package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One billed line: its category, the amount rounded to the cent, and the arithmetic with its inputs. The formula
 * text is built only when asked for: a Monte Carlo run prices thousands of lines nobody reads.
 */
public record CostLine(CostCategory category, BigDecimal amount, Supplier<String> explanation) {

    public CostLine {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(explanation, "explanation");
        if (amount.signum() < 0) {
            throw new IllegalStateException(category.label() + " cost came out negative: " + amount);
        }
        amount = Money.cents(amount);
    }

    public CostLine(CostCategory category, BigDecimal amount, String formula) {
        this(category, amount, () -> formula);
    }

    /** The arithmetic, e.g. {@code 10,000,000 GB-month: 500,000 × $0.022 + 9,500,000 × $0.021}. */
    public String formula() {
        return explanation.get();
    }
}
