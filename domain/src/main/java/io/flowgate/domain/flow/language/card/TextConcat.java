package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.TextForm;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Joins values as text: null as empty text, lists and objects as compact JSON. */
final class TextConcat implements Card {

    @Override
    public String name() {
        return "text.concat";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("values", InputType.LIST));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        StringBuilder out = new StringBuilder();
        for (JsonValue value : in.list("values").items()) {
            TextForm.appendTo(out, value, context.maxTextLength());
        }
        return JsonString.of(out.toString());
    }
}
