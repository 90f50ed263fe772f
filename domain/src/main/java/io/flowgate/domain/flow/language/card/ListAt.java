package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** The item at a 0-based index, or null when the index is out of range (negative included). */
final class ListAt implements Card {

    @Override
    public String name() {
        return "list.at";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("list", InputType.LIST), Input.required("index", InputType.INTEGER));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        JsonArray list = in.list("list");
        long index = in.integer("index");
        return index >= 0 && index < list.size() ? list.get((int) index) : JsonNull.INSTANCE;
    }
}
