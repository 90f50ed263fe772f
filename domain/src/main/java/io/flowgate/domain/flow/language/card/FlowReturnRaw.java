package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.FlowEnding;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/** Ends the run; the caller gets this status (200 or 400–599), these headers and this text body (default empty). */
final class FlowReturnRaw implements Card {

    @Override
    public String name() {
        return "flow.return_raw";
    }

    @Override
    public List<Input> inputs() {
        return RawResponses.INPUTS;
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        throw FlowEnding.returning(RawResponses.from(in));
    }
}
