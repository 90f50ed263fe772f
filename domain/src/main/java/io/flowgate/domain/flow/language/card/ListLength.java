package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** The number of items. */
final class ListLength implements Card {

    @Override
    public String name() {
        return "list.length";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("list", InputType.LIST));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        return JsonNumber.of(in.list("list").size());
    }
}
