package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One band of a tiered price: the units from {@code from} (inclusive) up to {@code to} (exclusive, {@code null}
 * for no upper bound) cost {@code price} per priced unit. A band priced at zero is a free tier.
 */
public record PriceBand(BigDecimal from, BigDecimal to, BigDecimal price) {

    public PriceBand {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(price, "price");
        if (from.signum() < 0) {
            throw new IllegalArgumentException("a price band cannot start below zero: " + from);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative: " + price);
        }
        if (to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("a price band must end above its start: " + from + " to " + to);
        }
    }

    public boolean unbounded() {
        return to == null;
    }

    public boolean free() {
        return price.signum() == 0;
    }

    /** The part of {@code quantity} that falls in this band. */
    public BigDecimal quantityIn(BigDecimal quantity) {
        if (quantity.compareTo(from) <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal upper = to == null ? quantity : quantity.min(to);
        return upper.subtract(from);
    }
}
