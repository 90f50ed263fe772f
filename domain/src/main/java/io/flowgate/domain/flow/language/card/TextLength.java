package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** The number of Unicode code points: an emoji counts once. */
final class TextLength implements Card {

    @Override
    public String name() {
        return "text.length";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        String text = in.text("text");
        return JsonNumber.of(text.codePointCount(0, text.length()));
    }
}
