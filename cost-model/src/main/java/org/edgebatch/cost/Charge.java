package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** A quantity priced on bands: the portions charged in each band and their exact (unrounded) amount. */
public record Charge(BigDecimal quantity, String unit, BigDecimal per, List<Portion> portions) {

    /** Units charged at one band's price; {@code onTotal} marks the published top-band-on-everything quirk. */
    public record Portion(BigDecimal quantity, BigDecimal price, boolean onTotal) {
    }

    public Charge {
        portions = List.copyOf(portions);
    }

    public BigDecimal amount() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Portion portion : portions) {
            sum = sum.add(portion.quantity().multiply(portion.price()));
        }
        return Money.divide(sum, per);
    }

    /** The arithmetic, e.g. {@code 10,000,000 GB-month: 500,000 × $0.022 + 9,500,000 × $0.021}. */
    public String formula() {
        String perText = per.compareTo(BigDecimal.ONE) == 0 ? "" : "/" + Amounts.quantity(per);
        String terms = portions.isEmpty() ? "nothing to charge" : portions.stream()
                .map(p -> p.price().signum() == 0
                        ? Amounts.quantity(p.quantity()) + " free"
                        : Amounts.quantity(p.quantity()) + " × " + Amounts.price(p.price()) + perText
                                + (p.onTotal() ? " (published: top rate on the whole quantity)" : ""))
                .collect(Collectors.joining(" + "));
        return Amounts.quantity(quantity) + " " + unit + ": " + terms;
    }
}
