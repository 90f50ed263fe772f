package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.Objects;

/**
 * What a flow's templates can read besides step outputs. The invoker builds them: {@code request} =
 * {@code {method, path, query, headers, body, raw}}, {@code caller} = {@code {clientId, scopes, security}},
 * {@code flow} and {@code execution} describe the flow and this run (their ids, for instance).
 */
public record RunInputs(JsonValue request, JsonValue caller, JsonValue flow, JsonValue execution) {

    public RunInputs {
        Objects.requireNonNull(request);
        Objects.requireNonNull(caller);
        Objects.requireNonNull(flow);
        Objects.requireNonNull(execution);
    }
}
