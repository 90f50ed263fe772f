package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Splits at every literal occurrence of the separator, keeping empty parts: "a,,b" gives ["a","","b"]. */
final class TextSplit implements Card {

    @Override
    public String name() {
        return "text.split";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT),
                Input.required("separator", InputType.TEXT).where(Rules.NOT_EMPTY));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        String text = in.text("text");
        String separator = in.text("separator");
        JsonArray.Builder parts = JsonArray.builder();
        int from = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
            parts.add(JsonString.of(text.substring(from, at)));
            from = at + separator.length();
        }
        parts.add(JsonString.of(text.substring(from)));
        return parts.build();
    }
}
