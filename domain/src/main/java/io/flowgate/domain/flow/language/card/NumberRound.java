package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Rounds half away from zero to {@code places} decimals (default 0): {@code 2.675} gives {@code 2.68}, {@code -2.5}
 * gives {@code -3}, {@code 0.001} gives {@code 0.00}: exactly {@code places} decimals. A number with fewer decimals is
 * left as it is ({@code 2.5} stays {@code 2.5}, not {@code 2.50}).
 */
final class NumberRound implements Card {

    static final int MAX_PLACES = 34;

    @Override
    public String name() {
        return "number.round";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("value", InputType.NUMBER),
                Input.optional("places", InputType.INTEGER).where(Rules.between(0, MAX_PLACES)));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        BigDecimal value = in.number("value");
        int places = (int) in.integer("places", 0);
        if (value.scale() <= places) {
            return JsonNumber.of(value);
        }
        // |value| < 10^-(places+1) rounds to zero; deciding that first avoids dividing by 10^huge for 1E-999999999.
        long leadingDigitExponent = value.precision() - (long) value.scale() - 1;
        if (leadingDigitExponent < -places - 1) {
            return JsonNumber.of(BigDecimal.ZERO.setScale(places));
        }
        return JsonNumber.of(value.setScale(places, RoundingMode.HALF_UP));
    }
}
