package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Removes white space at both ends, Unicode spaces included. */
final class TextTrim implements Card {

    @Override
    public String name() {
        return "text.trim";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        String text = in.text("text");
        return JsonString.of(text.strip());
    }
}
