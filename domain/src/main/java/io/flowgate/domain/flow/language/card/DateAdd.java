package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Adds a whole (possibly negative) number of seconds, minutes, hours or days (of 24 hours) to an instant. */
final class DateAdd implements Card {

    @Override
    public String name() {
        return "date.add";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("date", InputType.TEXT),
                Input.required("amount", InputType.INTEGER),
                Input.required("unit", InputType.TEXT).where(Rules.oneOf(
                        Set.of("seconds", "minutes", "hours", "days"), "seconds, minutes, hours or days")));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        ChronoUnit unit = ChronoUnit.valueOf(in.text("unit").toUpperCase(Locale.ROOT));
        try {
            return JsonString.of(Dates.parse(in.text("date")).plus(in.integer("amount"), unit).toString());
        } catch (DateTimeException | ArithmeticException e) {
            throw new StepFailure("the resulting date is out of range");
        }
    }
}
