package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Runs another flow of the org, which sees {@code input} (default null) as {@code request.body}. */
final class FlowCall implements Card {

    @Override
    public String name() {
        return "flow.call";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("flow", InputType.FLOW).where(Rules.NOT_EMPTY),
                Input.optional("input", InputType.ANY));
    }

    @Override
    public boolean countsOutput() {
        return false;
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        return context.callFlow(in.text("flow"), in.value("input"));
    }
}
