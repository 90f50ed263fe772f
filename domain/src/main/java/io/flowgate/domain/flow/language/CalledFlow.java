package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.Objects;

/** A flow that {@code flow.call} can run: its parsed definition and what its {@code flow} template reads. */
public record CalledFlow(FlowProgram program, JsonValue flow) {

    public CalledFlow {
        Objects.requireNonNull(program);
        Objects.requireNonNull(flow);
    }
}
