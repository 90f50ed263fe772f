package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The current time as an ISO-8601 UTC instant, to the millisecond: {@code 2024-05-01T10:00:00.123Z}. */
final class DateNow implements Card {

    @Override
    public String name() {
        return "date.now";
    }

    @Override
    public List<Input> inputs() {
        return List.of();
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        return JsonString.of(context.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
