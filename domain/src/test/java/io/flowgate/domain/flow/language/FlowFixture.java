package io.flowgate.domain.flow.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.flow.language.card.StandardCards;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonParser;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import io.flowgate.domain.flow.language.json.JsonWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Builds, checks and runs flows in tests. JSON may be written with single quotes for readability. */
final class FlowFixture {

    static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private Limits limits = Limits.DEFAULT;
    private TimeSource clock = () -> NOW;
    private Instant deadline = NOW.plus(Duration.ofSeconds(60));
    private final Map<String, String> otherFlows = new HashMap<>();

    /** Turns single quotes into double quotes, so that JSON in Java strings stays readable. */
    static String json(String text) {
        return text.replace('\'', '"');
    }

    static JsonValue value(String text) {
        return JsonParser.parse(json(text));
    }

    FlowFixture limits(Limits newLimits) {
        this.limits = newLimits;
        return this;
    }

    FlowFixture clock(TimeSource newClock, Instant newDeadline) {
        this.clock = newClock;
        this.deadline = newDeadline;
        return this;
    }

    /** Another flow of the org, reachable by {@code flow.call} under this name. */
    FlowFixture flow(String name, String definition) {
        return jsonFlow(name, json(definition));
    }

    /** Like {@link #flow}, for a definition that is already plain JSON. */
    FlowFixture jsonFlow(String name, String definition) {
        otherFlows.put(name, definition);
        return this;
    }

    FlowLanguage language() {
        return new FlowLanguage(StandardCards.registry(), limits);
    }

    List<DefinitionError> errors(String definition) {
        ParsedDefinition parsed = language().parse(json(definition), otherFlows::containsKey);
        assertThat(parsed).as("definition should be invalid").isInstanceOf(ParsedDefinition.Invalid.class);
        return ((ParsedDefinition.Invalid) parsed).errors();
    }

    FlowProgram program(String definition) {
        return jsonProgram(json(definition));
    }

    /** Like {@link #program}, for a definition that is already plain JSON. */
    FlowProgram jsonProgram(String definition) {
        return compile(definition, otherFlows::containsKey);
    }

    private FlowProgram compile(String definition, Predicate<String> flowExists) {
        ParsedDefinition parsed = language().parse(definition, flowExists);
        if (parsed instanceof ParsedDefinition.Invalid invalid) {
            throw new AssertionError("definition should be valid but: " + invalid.errors());
        }
        return ((ParsedDefinition.Valid) parsed).program();
    }

    RunResult run(String definition) {
        return run(definition, "{}");
    }

    /** Runs a flow with {@code body} as {@code request.body}. */
    RunResult run(String definition, String body) {
        return run(program(definition), request(value(body)), response -> { });
    }

    RunResult run(FlowProgram program, JsonValue request, Consumer<Response> onClose) {
        FlowLookup lookup = reference -> Optional.ofNullable(otherFlows.get(reference))
                .map(definition -> new CalledFlow(compile(definition, otherFlows::containsKey),
                        JsonObject.builder().put("id", JsonString.of(reference)).build()));
        RunInputs inputs = new RunInputs(request, value("{'clientId':'app1','scopes':['okta.workflows.invoke.manage'],"
                + "'security':'OAUTH2'}"), value("{'id':'flow1','name':'Test flow'}"), value("{'id':'exec1'}"));
        return language().run(program, inputs, new RunEnvironment(clock, deadline, lookup, onClose));
    }

    static JsonValue request(JsonValue body) {
        return JsonObject.builder()
                .put("method", JsonString.of("POST"))
                .put("path", JsonString.of("/orgs/acme/api/flo/test/invoke"))
                .put("query", value("{'format':'xml'}"))
                .put("headers", value("{'content-type':'application/json'}"))
                .put("body", body)
                .put("raw", JsonString.of(body.toString()))
                .build();
    }

    /** The body a run returned with {@code flow.return}. */
    static JsonValue returned(RunResult result) {
        assertThat(result.outcome()).as("outcome").isInstanceOf(Outcome.Returned.class);
        Response response = ((Outcome.Returned) result.outcome()).response();
        assertThat(response).isInstanceOf(Response.Json.class);
        return ((Response.Json) response).body();
    }

    /**
     * The compact JSON text of the body a run returned, to compare with {@link #compact}: unlike comparing values,
     * it sees how numbers are written ({@code 3.0} is not {@code 3}) and the order of members.
     */
    static String returnedJson(RunResult result) {
        return JsonWriter.compact(returned(result));
    }

    /** The compact JSON text of {@code text}, which may use single quotes. */
    static String compact(String text) {
        return JsonWriter.compact(value(text));
    }

    /** The message of a failed step. */
    static String failure(RunResult result) {
        assertThat(result.outcome()).as("outcome").isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed) result.outcome()).message();
    }
}
