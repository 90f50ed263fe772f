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

/** Upper case, the same in every locale (`straße` becomes `STRASSE`). */
final class TextUpper implements Card {

    @Override
    public String name() {
        return "text.upper";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        String text = in.text("text");
        // Changing case never shortens a text (ß becomes SS; no character becomes fewer UTF-16 units), so an output
        // that cannot fit is known before a copy up to three times the text's length is made.
        context.ensureOutputRoom(text.length() + 2L);
        return JsonString.of(text.toUpperCase(Locale.ROOT));
    }
}
