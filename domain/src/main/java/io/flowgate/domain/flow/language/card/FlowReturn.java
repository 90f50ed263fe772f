package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.FlowEnding;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.Response;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Ends the run; the caller gets 200 with the body as JSON. */
final class FlowReturn implements Card {

    @Override
    public String name() {
        return "flow.return";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("body", InputType.ANY));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        throw FlowEnding.returning(new Response.Json(in.value("body")));
    }
}
