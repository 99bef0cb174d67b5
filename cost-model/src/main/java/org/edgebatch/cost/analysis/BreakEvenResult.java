package org.edgebatch.cost.analysis;

import java.util.OptionalDouble;
import org.edgebatch.cost.Input;

/**
 * Where one provider's savings cross zero as one input moves over [lo, hi]; empty when they keep one sign there.
 * {@code savingsAtLo} and {@code savingsAtHi} say which side saves.
 */
public record BreakEvenResult(String provider, Input input, double lo, double hi, OptionalDouble value,
                              double savingsAtLo, double savingsAtHi) {

    /** A sentence for reports. */
    public String describe() {
        if (value.isPresent()) {
            String side = savingsAtLo > savingsAtHi ? "above" : "below";
            return provider + ": edge stops saving " + side + " " + input.key() + " = " + format(value.getAsDouble());
        }
        String verdict = savingsAtLo >= 0 && savingsAtHi >= 0 ? "edge saves" : "edge costs more";
        return provider + ": " + verdict + " for every " + input.key() + " in [" + format(lo) + ", " + format(hi)
                + "] (savings " + percent(savingsAtLo) + " at " + format(lo) + ", " + percent(savingsAtHi) + " at "
                + format(hi) + ")";
    }

    private static String format(double d) {
        if (d != 0 && (Math.abs(d) >= 1e6 || Math.abs(d) < 1e-3)) {
            return String.format(java.util.Locale.ROOT, "%.4g", d);
        }
        return String.format(java.util.Locale.ROOT, "%.4f", d).replaceFirst("\\.?0+$", "");
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
