package io.flowgate.domain.flow.language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/** Number conversions that stay cheap however large or small the exponent of a decimal is. */
public final class Numbers {

    private Numbers() {
    }

    /** The value as a long if it is a whole number in range; never expands a huge exponent. */
    public static OptionalLong toLong(BigDecimal value) {
        if (value.signum() == 0) {
            return OptionalLong.of(0);
        }
        long integerDigits = value.precision() - (long) value.scale();
        if (integerDigits <= 0 || integerDigits > 19) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(value.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException notWholeOrTooLarge) {
            return OptionalLong.empty();
        }
    }
}
