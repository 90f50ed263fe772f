package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Block;
import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Runs {@code then} when the condition holds, else {@code else}; gives the last output of the list it ran. */
final class FlowIf implements Card {

    @Override
    public String name() {
        return "flow.if";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("condition", InputType.CONDITION));
    }

    @Override
    public List<Block> blocks() {
        return List.of(new Block("then", false, false), new Block("else", false, false));
    }

    @Override
    public boolean countsOutput() {
        return false;
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        return context.runBlock(in.bool("condition") ? "then" : "else");
    }
}
