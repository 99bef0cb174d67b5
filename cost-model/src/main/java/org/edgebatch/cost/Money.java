package org.edgebatch.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic shared by the cost model: exact until a line item is billed, then half-up to the cent.
 * Divisions (per 1,000 units, ratios such as 2/3) use 34 significant digits, far below a cent at any volume we model.
 */
public final class Money {

    /** The precision of every division in the model. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private Money() {
    }

    /** Rounds an amount half-up to the cent: done once per line item, as an invoice does. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code a / b} at the model's precision. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, PRECISION);
    }

    /** Parses a number as written in a catalog, scenario or flag: {@code 0.10}, {@code 10_000_000}, {@code 1e8} or a ratio {@code 2/3}. */
    public static BigDecimal parse(String text) {
        // Underscores group digits as in YAML and Java; commas are refused, since "0,5" could mean a half.
        String clean = text.strip().replace("_", "");
        int slash = clean.indexOf('/');
        if (slash > 0) {
            BigDecimal denominator = new BigDecimal(clean.substring(slash + 1).strip());
            if (denominator.signum() == 0) {
                throw new NumberFormatException("division by zero");
            }
            return divide(new BigDecimal(clean.substring(0, slash).strip()), denominator);
        }
        return new BigDecimal(clean);
    }
}
