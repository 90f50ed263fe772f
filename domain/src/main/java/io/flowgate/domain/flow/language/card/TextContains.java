package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.TextSearch;
import io.flowgate.domain.flow.language.json.JsonBoolean;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Whether the text holds the search text, case-sensitive; every text contains the empty text. */
final class TextContains implements Card {

    @Override
    public String name() {
        return "text.contains";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT), Input.required("search", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        return JsonBoolean.of(TextSearch.contains(in.text("text"), in.text("search")));
    }
}
