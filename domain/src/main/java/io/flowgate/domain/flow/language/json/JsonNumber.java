package io.flowgate.domain.flow.language.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact decimal number. Two numbers are equal when their values are ({@code 1} equals {@code 1.0}),
 * whatever their scale.
 */
public final class JsonNumber implements JsonValue {

    // Up to this many integer digits a number is written out in full (1E+3 as 1000), as JavaScript does.
    private static final int MAX_PLAIN_DIGITS = 21;

    private final BigDecimal value;

    private JsonNumber(BigDecimal value) {
        this.value = Objects.requireNonNull(value);
    }

    public static JsonNumber of(BigDecimal value) {
        return new JsonNumber(value);
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    public BigDecimal value() {
        return value;
    }

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber number && value.compareTo(number.value) == 0;
    }

    @Override
    public int hashCode() {
        // Equal values must hash alike whatever their scale; stripping zeros is bounded by the number of digits.
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    /** The number as JSON text: plain for everyday magnitudes, scientific notation otherwise. */
    @Override
    public String toString() {
        if (value.scale() < 0 && value.precision() - (long) value.scale() <= MAX_PLAIN_DIGITS) {
            return value.toPlainString();
        }
        return value.toString();
    }
}
