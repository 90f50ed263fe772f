package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import io.flowgate.domain.flow.language.json.JsonWriter;
import java.util.List;

/** Compact JSON text of any value. */
final class JsonStringify implements Card {

    @Override
    public String name() {
        return "json.stringify";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("value", InputType.ANY));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        int max = context.maxTextLength();
        return JsonString.of(JsonWriter.compact(in.value("value"), max).orElseThrow(() -> new StepFailure(
                "the text would be longer than " + String.format("%,d", max) + " characters")));
    }
}
