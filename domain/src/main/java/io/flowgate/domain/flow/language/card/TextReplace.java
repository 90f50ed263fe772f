package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.TextForm;
import io.flowgate.domain.flow.language.TextSearch;
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
        TextSearch occurrences = TextSearch.of(search);
        // Count first: a short text with many hits and a long replacement could otherwise fill the memory.
        long hits = 0;
        for (int at = occurrences.in(text, 0); at >= 0; at = occurrences.in(text, at + search.length())) {
            hits++;
        }
        long length = text.length() + hits * (replace.length() - (long) search.length());
        if (length > context.maxTextLength()) {
            throw TextForm.tooLong(context.maxTextLength());
        }
        if (hits == 0) {
            return JsonString.of(text);
        }
        StringBuilder out = new StringBuilder((int) length);
        int from = 0;
        for (int at = occurrences.in(text, 0); at >= 0; at = occurrences.in(text, from)) {
            out.append(text, from, at).append(replace);
            from = at + search.length();
        }
        return JsonString.of(out.append(text, from, text.length()).toString());
    }
}
