package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/**
 * Answers the request now, like {@code flow.return_raw}, and lets the run go on; later returns only set the
 * execution's outcome. Only the invoked flow can answer, and only once.
 */
final class FlowClose implements Card {

    @Override
    public String name() {
        return "flow.close";
    }

    @Override
    public List<Input> inputs() {
        return RawResponses.INPUTS;
    }

    @Override
    public boolean answersEarly() {
        return true;
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        context.respondNow(RawResponses.from(in));
        return JsonNull.INSTANCE;
    }
}
