package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Block;
import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/**
 * Runs {@code do} once per item, where {@code {{<id>.item}}} and {@code {{<id>.index}}} read the current item and
 * its 0-based index; gives the list of each round's last output.
 */
final class FlowForEach implements Card {

    @Override
    public String name() {
        return "flow.for_each";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("list", InputType.LIST));
    }

    @Override
    public List<Block> blocks() {
        return List.of(new Block("do", true, true));
    }

    @Override
    public boolean countsOutput() {
        return false;
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        JsonArray list = in.list("list");
        JsonArray.Builder outputs = JsonArray.builder();
        for (int i = 0; i < list.size(); i++) {
            JsonObject round = JsonObject.builder().put("item", list.get(i)).put("index", JsonNumber.of(i)).build();
            outputs.add(context.runBlock("do", round));
        }
        return outputs.build();
    }
}
