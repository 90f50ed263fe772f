package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Replaces every literal occurrence (no patterns). */
final class TextReplace implements Card {

    @Override
    public String name() {
        return "text.replace";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT),
                Input.required("search", InputType.TEXT).where(Rules.NOT_EMPTY),
                Input.required("replace", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        String text = in.text("text");
        String search = in.text("search");
        String replace = in.text("replace");
        // Count first: a short text with many hits and a long replacement could otherwise fill the memory.
        long hits = 0;
        for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + search.length())) {
            hits++;
        }
        long length = text.length() + hits * (replace.length() - (long) search.length());
        if (length > context.maxTextLength()) {
            throw new StepFailure("the text would be longer than " + String.format("%,d", context.maxTextLength())
                    + " characters");
        }
        return JsonString.of(text.replace(search, replace));
    }
}
