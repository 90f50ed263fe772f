package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonParser;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.function.BinaryOperator;

/**
 * {@code number.add}, {@code .subtract}, {@code .multiply}: exact decimal arithmetic, so {@code 0.1 + 0.2} is
 * {@code 0.3} and no digit is lost. {@code number.divide}: to 34 significant digits (IEEE 754 decimal128, rounding
 * half to even). A result longer as JSON text than the parser takes a number ({@link JsonParser#MAX_NUMBER_LENGTH})
 * fails the step, so chained steps can never grow a number without bound.
 */
final class NumberArithmetic implements Card {

    private static final int MAX_LENGTH = JsonParser.MAX_NUMBER_LENGTH;

    static final NumberArithmetic ADD = new NumberArithmetic("number.add", NumberArithmetic::add);
    static final NumberArithmetic SUBTRACT = new NumberArithmetic("number.subtract", (a, b) -> add(a, b.negate()));
    static final NumberArithmetic MULTIPLY = new NumberArithmetic("number.multiply", BigDecimal::multiply);
    static final NumberArithmetic DIVIDE = new NumberArithmetic("number.divide", (a, b) -> {
        if (b.signum() == 0) {
            throw new StepFailure("division by zero");
        }
        return a.divide(b, MathContext.DECIMAL128);
    });

    private final String name;
    private final BinaryOperator<BigDecimal> operation;

    private NumberArithmetic(String name, BinaryOperator<BigDecimal> operation) {
        this.name = name;
        this.operation = operation;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("a", InputType.NUMBER), Input.required("b", InputType.NUMBER));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        JsonNumber result;
        try {
            result = JsonNumber.of(operation.apply(in.number("a"), in.number("b")));
        } catch (ArithmeticException exponentOverflow) {
            throw new StepFailure("the result is out of range");
        }
        // Every result here is cheap to measure: a product has at most the digits of both factors, a quotient 34,
        // and a sum too long to make was refused before it was made.
        if (result.toString().length() > MAX_LENGTH) {
            throw outOfRange();
        }
        return result;
    }

    /**
     * The exact sum, unless its digits would span far more places than a number may have: 1E+999999999 + 1 has a
     * billion digits, refused before they are made. The sum's digits run from its last decimal place,
     * 10^-max(scale), to at most one place above the higher leading digit (a zero has none, only a scale). When the
     * two numbers' digits lie far apart, the sum keeps a leading digit at most one place below that top, so it has at
     * least {@code span - 2} digits; when they overlap, {@code span} is at most 2 more than the longer number's
     * digits, which are within the bound. So a span above the bound plus 2 always means a result too long, and any
     * other sum is cheap to make and then measure.
     */
    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a.signum() != 0 || b.signum() != 0) {
            long top = Math.max(leadingPlace(a), leadingPlace(b)) + 1;
            long bottom = -(long) Math.max(a.scale(), b.scale());
            if (top - bottom + 1 > MAX_LENGTH + 2) {
                throw outOfRange();
            }
        }
        return a.add(b);
    }

    /** The power of ten of the leading digit: 2 for 123, -2 for 0.012; for zero, below any other. */
    private static long leadingPlace(BigDecimal value) {
        return value.signum() == 0 ? Integer.MIN_VALUE * 2L : value.precision() - (long) value.scale() - 1;
    }

    private static StepFailure outOfRange() {
        return new StepFailure("the result is out of range: it would be longer than "
                + String.format(Locale.ROOT, "%,d", MAX_LENGTH) + " characters as JSON text");
    }
}
