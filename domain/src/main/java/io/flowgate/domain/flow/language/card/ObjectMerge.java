package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.StepFailure;
import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** A shallow merge: members of later objects win; a key keeps the position where it first appeared. */
final class ObjectMerge implements Card {

    @Override
    public String name() {
        return "object.merge";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("objects", InputType.LIST));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        JsonArray objects = in.list("objects");
        JsonObject.Builder merged = JsonObject.builder();
        for (int i = 0; i < objects.size(); i++) {
            if (!(objects.get(i) instanceof JsonObject object)) {
                throw new StepFailure("objects[" + i + "] must be an object, not " + objects.get(i).typeName());
            }
            object.members().forEach(merged::put);
        }
        return merged.build();
    }
}
