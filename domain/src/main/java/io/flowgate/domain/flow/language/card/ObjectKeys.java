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

/** The member names, in insertion order. */
final class ObjectKeys implements Card {

    @Override
    public String name() {
        return "object.keys";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("object", InputType.OBJECT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        JsonArray.Builder keys = JsonArray.builder();
        in.object("object").keys().forEach(key -> keys.add(JsonString.of(key)));
        return keys.build();
    }
}
