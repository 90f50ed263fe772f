package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** A new list with the item added at the end. */
final class ListAppend implements Card {

    @Override
    public String name() {
        return "list.append";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("list", InputType.LIST), Input.required("item", InputType.ANY));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        return in.list("list").with(in.value("item"));
    }
}
