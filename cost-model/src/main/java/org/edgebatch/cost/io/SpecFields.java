package org.edgebatch.cost.io;

import java.math.BigDecimal;
import java.util.function.Supplier;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.Money;

/** Parses the text fields of a spec, each error naming the file and the field's path. */
final class SpecFields {

    private final String source;

    SpecFields(String source) {
        this.source = source;
    }

    CostInputException error(String path, String message) {
        return new CostInputException(source + ": " + path + " " + message);
    }

    /** An error whose message already starts with the field's path. */
    CostInputException at(String message, Throwable cause) {
        return new CostInputException(source + ": " + message, cause);
    }

    <T> T require(T value, String path) {
        if (value == null) {
            throw error(path, "is missing");
        }
        return value;
    }

    BigDecimal number(String text, String path) {
        return parse(require(text, path), path);
    }

    BigDecimal number(String text, String path, String fallback) {
        return parse(text == null ? fallback : text, path);
    }

    BigDecimal optionalNumber(String text, String path) {
        return text == null ? null : parse(text, path);
    }

    int integer(String text, String path, String fallback) {
        BigDecimal value = text == null && fallback != null ? parse(fallback, path) : number(text, path);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw error(path, "must be a whole number, was " + value.toPlainString());
        }
    }

    BigDecimal nonNegative(BigDecimal value, String path) {
        if (value != null && value.signum() < 0) {
            throw error(path, "must be >= 0, was " + value.toPlainString());
        }
        return value;
    }

    /** Builds a domain value whose constructor names the failing field relative to {@code section}. */
    <T> T within(String section, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String prefix = section.isEmpty() ? "" : section + ".";
            throw new CostInputException(source + ": " + prefix + e.getMessage(), e);
        }
    }

    private BigDecimal parse(String text, String path) {
        try {
            return Money.parse(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(path, "must be a number (e.g. 0.10, 10_000_000 or 2/3), was '" + text + "'");
        }
    }
}
