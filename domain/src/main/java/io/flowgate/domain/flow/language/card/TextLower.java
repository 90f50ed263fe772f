package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;
import java.util.Locale;

/** Lower case, the same in every locale (no Turkish dotless i). */
final class TextLower implements Card {

    @Override
    public String name() {
        return "text.lower";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        String text = in.text("text");
        return JsonString.of(text.toLowerCase(Locale.ROOT));
    }
}
