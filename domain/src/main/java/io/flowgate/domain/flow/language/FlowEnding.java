package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.Objects;

/** Thrown by a card that ends the run; it unwinds every branch and loop the step sits in. */
public final class FlowEnding extends RuntimeException {

    private final Outcome outcome;
    private final JsonValue output;

    private FlowEnding(Outcome outcome, JsonValue output) {
        super(null, null, false, false);
        this.outcome = Objects.requireNonNull(outcome);
        this.output = Objects.requireNonNull(output);
    }

    /** The run ends and answers with {@code response}. */
    public static FlowEnding returning(Response response) {
        return new FlowEnding(new Outcome.Returned(response), describe(response));
    }

    /** The run ends as failed, with a message meant for the caller. */
    public static FlowEnding failing(String message) {
        return new FlowEnding(new Outcome.ReturnedError(message),
                JsonObject.builder().put("message", JsonString.of(message)).build());
    }

    /** A response as the step's output, for the trace and the output limit. */
    static JsonValue describe(Response response) {
        if (response instanceof Response.Json json) {
            return json.body();
        }
        Response.Raw raw = (Response.Raw) response;
        JsonObject.Builder headers = JsonObject.builder();
        raw.headers().forEach((name, value) -> headers.put(name, JsonString.of(value)));
        return JsonObject.builder()
                .put("statusCode", JsonNumber.of(raw.statusCode()))
                .put("headers", headers.build())
                .put("body", JsonString.of(raw.body()))
                .build();
    }

    public Outcome outcome() {
        return outcome;
    }

    /** What the step that ended the run counts as its output. */
    public JsonValue output() {
        return output;
    }
}
