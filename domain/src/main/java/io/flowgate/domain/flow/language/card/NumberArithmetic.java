package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * {@code number.add}, {@code .subtract}, {@code .multiply}, {@code .divide}: decimal arithmetic, exact up to 34
 * significant digits (IEEE 754 decimal128, rounding half to even beyond), so {@code 0.1 + 0.2} is {@code 0.3}.
 * Every result is rounded to 34 digits, so chained steps can never grow a number without bound.
 */
final class NumberArithmetic implements Card {

    private static final MathContext DIGITS = MathContext.DECIMAL128;

    static final NumberArithmetic ADD = new NumberArithmetic("number.add", (a, b) -> a.add(b, DIGITS));
    static final NumberArithmetic SUBTRACT = new NumberArithmetic("number.subtract", (a, b) -> a.subtract(b, DIGITS));
    static final NumberArithmetic MULTIPLY = new NumberArithmetic("number.multiply", (a, b) -> a.multiply(b, DIGITS));
    static final NumberArithmetic DIVIDE = new NumberArithmetic("number.divide", (a, b) -> {
        if (b.signum() == 0) {
            throw new StepFailure("division by zero");
        }
        return a.divide(b, DIGITS);
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
        try {
            return JsonNumber.of(operation.apply(in.number("a"), in.number("b")));
        } catch (ArithmeticException exponentOverflow) {
            throw new StepFailure("the result is out of range");
        }
    }
}
