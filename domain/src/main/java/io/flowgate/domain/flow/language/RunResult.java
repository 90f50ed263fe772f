package io.flowgate.domain.flow.language;

import io.flowgate.domain.execution.StepTrace;
import io.flowgate.domain.flow.language.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended, what each step did, and — when {@code flow.close} ran — the response it gave early.
 *
 * @param stepsRun every step run, including those past {@link Limits#maxTracedSteps()} that the trace leaves out
 */
public record RunResult(Outcome outcome, List<StepTrace> trace, Optional<Response> earlyResponse, int stepsRun) {

    public RunResult {
        Objects.requireNonNull(outcome);
        trace = List.copyOf(trace);
        Objects.requireNonNull(earlyResponse);
    }

    /**
     * The response the caller gets: the early one from {@code flow.close} if any, else the returned one, else
     * {@code {}} for a run that ended without returning. Empty for a failed or timed-out run, which the invoker
     * answers with an error.
     */
    public Optional<Response> response() {
        if (earlyResponse.isPresent()) {
            return earlyResponse;
        }
        if (outcome instanceof Outcome.Returned returned) {
            return Optional.of(returned.response());
        }
        if (outcome instanceof Outcome.NoReturn) {
            return Optional.of(new Response.Json(JsonObject.empty()));
        }
        return Optional.empty();
    }
}
