package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonPath;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/**
 * A new object with the value at a path set. Missing members on the way are created as objects; a list index on
 * the way must exist.
 */
final class ObjectSet implements Card {

    @Override
    public String name() {
        return "object.set";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("object", InputType.OBJECT),
                Input.required("path", InputType.TEXT).where(Rules.PATH),
                Input.required("value", InputType.ANY));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        try {
            return JsonPath.parse(in.text("path")).set(in.object("object"), in.value("value"));
        } catch (IllegalArgumentException e) {
            throw new StepFailure(e.getMessage());
        }
    }
}
