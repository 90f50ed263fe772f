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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Formats a date with a java.time pattern in a time zone (default UTC); names of months and days are English. */
final class DateFormat implements Card {

    @Override
    public String name() {
        return "date.format";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("date", InputType.TEXT),
                Input.required("pattern", InputType.TEXT).where(Rules.DATE_PATTERN),
                Input.optional("zone", InputType.TEXT).where(Rules.ZONE));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        try {
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(in.text("pattern"), Locale.US)
                    .withZone(ZoneId.of(in.text("zone", "UTC")));
            return JsonString.of(formatter.format(Dates.parse(in.text("date"))));
        } catch (DateTimeException e) {
            throw new StepFailure("the date cannot be formatted with that pattern: " + e.getMessage());
        }
    }
}
