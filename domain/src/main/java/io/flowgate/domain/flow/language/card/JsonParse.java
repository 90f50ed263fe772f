package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonParser;
import io.flowgate.domain.flow.language.json.JsonSyntaxException;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** The value a JSON text holds; also turns a number held as text ("42") into a number. */
final class JsonParse implements Card {

    @Override
    public String name() {
        return "json.parse";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        try {
            return JsonParser.parse(in.text("text"));
        } catch (JsonSyntaxException e) {
            throw new StepFailure("the text is not valid JSON: " + e.getMessage());
        }
    }
}
