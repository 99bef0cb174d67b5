package org.edgebatch.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats money, prices, quantities and percentages the way the published table writes them (210,500.00, 73.40%). */
public final class Amounts {

    private Amounts() {
    }

    /** Money rounded half-up to the cent with thousands separators: {@code 210,500.00}. */
    public static String money(BigDecimal amount) {
        return format("#,##0.00", Money.cents(amount));
    }

    /** Money without separators, for CSV: {@code 210500.00}. */
    public static String plainMoney(BigDecimal amount) {
        return Money.cents(amount).toPlainString();
    }

    /** A unit price with at least two decimals and no trailing zeros beyond: {@code $0.022}, {@code $1.50}. */
    public static String price(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return "$" + stripped.setScale(Math.max(2, stripped.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A quantity with separators and at most three decimals: {@code 10,000,000}, {@code 1,388.889}. */
    public static String quantity(BigDecimal quantity) {
        return format("#,##0.###", quantity);
    }

    /** A fraction as a percentage rounded half-up to two decimals: {@code 0.733991...} → {@code 73.40%}. */
    public static String percent(BigDecimal fraction) {
        return percentNumber(fraction).toPlainString() + "%";
    }

    /** The percentage as a number rounded half-up to two decimals: {@code 73.40}. */
    public static BigDecimal percentNumber(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static String format(String pattern, BigDecimal value) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
