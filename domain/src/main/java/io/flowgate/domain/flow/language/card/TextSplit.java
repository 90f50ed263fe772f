package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.TextSearch;
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
        TextSearch search = TextSearch.of(separator);
        long count = 1;
        for (int at = search.in(text, 0); at >= 0; at = search.in(text, at + separator.length())) {
            count++;
        }
        // As JSON each part takes at least its characters and two quotes, with commas between and brackets around.
        // Checking that first keeps a megabyte of commas from becoming a million values before the output bound.
        context.ensureOutputRoom(text.length() - (count - 1) * separator.length() + 3 * count + 1);
        JsonArray.Builder parts = JsonArray.builder();
        int from = 0;
        for (int at = search.in(text, 0); at >= 0; at = search.in(text, from)) {
            parts.add(JsonString.of(text.substring(from, at)));
            from = at + separator.length();
        }
        parts.add(JsonString.of(text.substring(from)));
        return parts.build();
    }
}
