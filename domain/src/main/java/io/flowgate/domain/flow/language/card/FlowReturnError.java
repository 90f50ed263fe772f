package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.FlowEnding;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Ends the run as failed; the caller gets 500 with the message as the problem's detail. */
final class FlowReturnError implements Card {

    @Override
    public String name() {
        return "flow.return_error";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("message", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        throw FlowEnding.failing(in.text("message"));
    }
}
