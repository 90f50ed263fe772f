package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonPath;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** The value at a path like {@code a.b[1].c}, or null when there is none. */
final class ObjectGet implements Card {

    @Override
    public String name() {
        return "object.get";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("object", InputType.OBJECT),
                Input.required("path", InputType.TEXT).where(Rules.PATH));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        return JsonPath.parse(in.text("path")).get(in.object("object"));
    }
}
