package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static io.flowgate.bootstrap.InvokeSeed.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a flow sees of the request and its caller, and how its output becomes the HTTP response. */
class InvokeResponsesTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private final InvokeSeed seed = new InvokeSeed(node.http());

    private static final String EXECUTION_ID = "x-flowgate-execution-id";
    private static final String ECHO_FLOW = """
            {"steps":[{"id":"echo","card":"flow.return",
                       "in":{"body":{"request":"{{request}}","caller":"{{caller}}"}}}]}""";

    private RunningNode.OrgAdmin acme;
    private InvokeSeed.Client client;
    private String token;

    @BeforeEach
    void seedTheOrg() {
        acme = node.createOrg("acme");
        client = seed.client(acme);
        token = seed.token(acme, client);
    }

    // ---- what the flow sees

    @Test
    void getRequest_isSeenWithMethodPathFirstQueryValuesAndHeaders_withoutCredentials() {
        InvokeSeed.Flow flow = seed.flow(acme, ECHO_FLOW);

        HttpResponse<String> response = node.http().get(flow.invokePath() + "?b=x%20y&a=1&a=2&clientToken=hidden-1",
                "Authorization", "Bearer " + token, "X-Custom-Header", "Value", "Cookie", "session=hidden-2",
                "x-api-client-token", "hidden-3");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode request = json(response).get("request");
        assertThat(request.get("method").asText()).isEqualTo("GET");
        assertThat(request.get("path").asText()).isEqualTo(flow.invokePath());
        assertThat(request.get("query")).isEqualTo(json("{\"b\":\"x y\",\"a\":\"1\"}"));
        assertThat(request.get("headers").get("x-custom-header").asText()).isEqualTo("Value");
        assertThat(request.get("headers").has("authorization")).isFalse();
        assertThat(request.get("headers").has("cookie")).isFalse();
        assertThat(request.get("headers").has("x-api-client-token")).isFalse();
        request.get("headers").fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
        assertThat(request.get("body").isNull()).isTrue();
        assertThat(request.get("raw").asText()).isEmpty();
        assertThat(response.body()).doesNotContain("hidden-", token);
    }

    @Test
    void jsonBody_isSeenParsed_andRaw() {
        InvokeSeed.Flow flow = seed.flow(acme, ECHO_FLOW);
        String body = "{\"name\":\"Ada\",\"items\":[1,2.50,{\"x\":null}]}";

        HttpResponse<String> response = node.http().post(flow.invokePath(), body, bearer(token));

        JsonNode request = json(response).get("request");
        assertThat(request.get("method").asText()).isEqualTo("POST");
        assertThat(request.get("body")).isEqualTo(json(body));
        assertThat(request.get("raw").asText()).isEqualTo(body);
        assertThat(request.get("headers").get("content-type").asText()).isEqualTo("application/json");
    }

    @Test
    void formBody_isSeenAsFieldsWithTheirFirstValue() {
        InvokeSeed.Flow flow = seed.flow(acme, ECHO_FLOW);
        String body = "name=Ada+Lovelace&city=Z%C3%BCrich&name=Grace&empty=";

        HttpResponse<String> response = node.http().postForm(flow.invokePath(), body, bearer(token));

        JsonNode request = json(response).get("request");
        assertThat(request.get("body"))
                .isEqualTo(json("{\"name\":\"Ada Lovelace\",\"city\":\"Zürich\",\"empty\":\"\"}"));
        assertThat(request.get("raw").asText()).isEqualTo(body);
    }

    @Test
    void textBody_isSeenAsText() {
        InvokeSeed.Flow flow = seed.flow(acme, ECHO_FLOW);
        String body = "line one\n{\"not\":\"parsed\"}";

        HttpResponse<String> response = node.http().send(HttpRequest.newBuilder(node.http().uri(flow.invokePath()))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)), bearer(token));

        JsonNode request = json(response).get("request");
        assertThat(request.get("body").asText()).isEqualTo(body);
        assertThat(request.get("raw").asText()).isEqualTo(body);
    }

    @Test
    void bodyDeclaredAsJsonThatIsNot_isA400_andNothingRuns() {
        InvokeSeed.Flow flow = seed.flow(acme, ECHO_FLOW);

        HttpResponse<String> response = node.http().post(flow.invokePath(), "{\"name\":\"secret-value", bearer(token));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("secret-value");
        assertThat(response.headers().firstValue(EXECUTION_ID)).isEmpty();
        assertThat(node.query("select count(*) from executions")).containsExactly("0");
        assertThat(node.query("select reason from system_log where event_type = 'invoke.denied'"))
                .containsExactly("body_malformed");
    }

    @Test
    void caller_isTheAppItsScopesAndTheSecurityLevel() {
        InvokeSeed.Flow flow = seed.flow(acme, ECHO_FLOW);

        HttpResponse<String> response = node.http().get(flow.invokePath(), bearer(token));

        assertThat(json(response).get("caller")).isEqualTo(json("{\"clientId\":\"" + client.id()
                + "\",\"scopes\":[\"okta.workflows.invoke.manage\"],\"security\":\"OAUTH2\"}"));
        JsonNode execution = execution(response);
        assertThat(execution.get("caller")).isEqualTo(json(response).get("caller"));
    }

    // ---- how the output becomes the response

    @Test
    void returnRaw_passesStatusHeadersAndBodyThrough() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"teapot","card":"flow.return_raw","in":{"statusCode":418,
                  "headers":{"content-type":"application/xml","x-brewed":"{{request.query.tea}}"},
                  "body":"<teapot tea=\\"{{request.query.tea}}\\"/>"}}]}""");

        HttpResponse<String> response = node.http().get(flow.invokePath() + "?tea=earl-grey", bearer(token));

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.headers().firstValue("x-brewed")).hasValue("earl-grey");
        assertThat(response.body()).isEqualTo("<teapot tea=\"earl-grey\"/>");
        assertThat(execution(response).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void returnRawWithAContentTypeTheServerCannotWrite_isAStepError_withItsExecution() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"typed","card":"flow.return_raw","in":{"statusCode":200,
                  "headers":{"content-type":"{{request.query.type}}"},"body":"ok"}}]}""");

        HttpResponse<String> served = node.http().get(flow.invokePath() + "?type="
                + URLEncoder.encode("application/vnd.api+json; version=\"1.0\"", StandardCharsets.UTF_8), bearer(token));
        HttpResponse<String> refused = node.http().get(flow.invokePath() + "?type="
                + URLEncoder.encode("text/html; charset=x-no-such-charset", StandardCharsets.UTF_8), bearer(token));

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json; version=\"1.0\"");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode execution = execution(refused);
        assertThat(execution.get("status").asText()).isEqualTo("FAILED");
        assertThat(execution.get("error").asText()).contains("charset");
    }

    @Test
    void returnRaw_cannotStateAnotherExecutionId() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"forge","card":"flow.return_raw","in":{"statusCode":200,
                  "headers":{"X-Flowgate-Execution-Id":"forged"},"body":"ok"}}]}""");

        HttpResponse<String> response = node.http().get(flow.invokePath(), bearer(token));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = response.headers().allValues(EXECUTION_ID);
        assertThat(ids).hasSize(1).doesNotContain("forged");
        assertThat(execution(ids.get(0)).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void returnRawWithAStatusAfterWhichHttpServersClose_closesTheConnection_otherStatusesKeepIt() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"answer","card":"flow.return_raw","in":{"statusCode":"{{request.body.status}}",
                  "headers":{},"body":"as asked"}}]}""");

        for (int status : new int[] {400, 408, 411, 413, 414, 417, 500, 501, 503, 505}) {
            assertThat(connectionHeaderOfAnswer(flow, status)).as("status %d", status).hasValue("close");
        }
        for (int status : new int[] {200, 401, 404, 409, 422, 429, 502, 504}) {
            assertThat(connectionHeaderOfAnswer(flow, status)).as("status %d", status).isEmpty();
        }
    }

    @Test
    void noReturn_isA200WithAnEmptyObject() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"shout","card":"text.upper","in":{"text":"quiet"}}]}""");

        HttpResponse<String> response = node.http().get(flow.invokePath(), bearer(token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{}");
        assertThat(execution(response).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void returnError_isA500ProblemWhoseDetailIsTheMessage() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"fail","card":"flow.return_error",
                           "in":{"message":"customer {{request.body.id}} is unknown"}}]}""");

        HttpResponse<String> response = node.http().post(flow.invokePath(), "{\"id\":42}", bearer(token));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(500);
        assertThat(json(response).get("detail").asText()).isEqualTo("customer 42 is unknown");
        JsonNode execution = execution(response);
        assertThat(execution.get("status").asText()).isEqualTo("FAILED");
        assertThat(execution.get("error").asText()).contains("customer 42 is unknown");
    }

    @Test
    void stepError_isA500ProblemWithTheExecutionId_andNoInternals() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"share","card":"number.divide","in":{"a":100,"b":"{{request.body.people}}"}},
                          {"id":"done","card":"flow.return","in":{"body":{"share":"{{share}}"}}}]}""");

        HttpResponse<String> response = node.http().post(flow.invokePath(), "{\"people\":0}", bearer(token));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String executionId = response.headers().firstValue(EXECUTION_ID).orElseThrow();
        assertThat(json(response).get("detail").asText()).contains(executionId);
        assertThat(response.body()).doesNotContainIgnoringCase("share").doesNotContainIgnoringCase("divide")
                .doesNotContainIgnoringCase("zero").doesNotContain("io.flowgate").doesNotContain("Exception");
        JsonNode execution = execution(response);
        assertThat(execution.get("status").asText()).isEqualTo("FAILED");
        assertThat(execution.get("error").asText()).contains("share");
        assertThat(execution.at("/steps/0/status").asText()).isEqualTo("FAILED");
    }

    @Test
    void flowClose_answersAtOnce_whileTheRunGoesOnToItsEnd() throws Exception {
        InvokeSeed.Flow flow = seed.flow(acme, "{\"steps\":["
                + "{\"id\":\"ack\",\"card\":\"flow.close\",\"in\":{\"statusCode\":200,"
                + "\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"accepted\"}},"
                + InvokeSeed.busySteps("work", 300) + ","
                + "{\"id\":\"count\",\"card\":\"list.length\",\"in\":{\"list\":\"{{work}}\"}},"
                + "{\"id\":\"done\",\"card\":\"flow.return\",\"in\":{\"body\":{\"hashed\":\"{{count}}\"}}}]}");

        long sending = System.nanoTime();
        HttpResponse<String> response = node.http().get(flow.invokePath(), bearer(token));
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - sending);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("accepted");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        String executionId = response.headers().firstValue(EXECUTION_ID).orElseThrow();
        assertThat(execution(executionId).get("status").asText()).isIn("RUNNING", "SUCCEEDED");
        JsonNode finished = awaitEnd(executionId);
        assertThat(finished.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(finished.get("steps").findValuesAsText("id")).contains("ack", "work", "count", "done");
        assertThat(finished.get("steps").get(0).get("status").asText()).isEqualTo("SUCCEEDED");
        Duration ran = Duration.between(Instant.parse(finished.get("started").asText()),
                Instant.parse(finished.get("finished").asText()));
        assertThat(answeredIn).as("the answer came before the run ended (it ran %s)", ran).isLessThan(ran);
    }

    @Test
    void endOfARunThatAnsweredEarly_isRecordedOnceTheDatabaseTakesItAgain() throws Exception {
        InvokeSeed.Flow flow = seed.flow(acme, "{\"steps\":["
                + "{\"id\":\"ack\",\"card\":\"flow.close\",\"in\":{\"statusCode\":200,\"body\":\"accepted\"}},"
                + InvokeSeed.busySteps("work", 200) + "]}");
        // The RUNNING row can be written (the run is still busy when it is); the write of the run's end is
        // refused until the constraint goes.
        node.update("alter table executions add constraint refuse_ends check (status = 'RUNNING') not valid");
        String executionId;
        try {
            HttpResponse<String> response = node.http().get(flow.invokePath(), bearer(token));
            assertThat(response.body()).isEqualTo("accepted");
            executionId = response.headers().firstValue(EXECUTION_ID).orElseThrow();
            Thread.sleep(2_000); // the run (200 rounds of 0.3 ms or more) has ended and the write of its end failed
            assertThat(execution(executionId).get("status").asText()).isEqualTo("RUNNING");
        } finally {
            node.update("alter table executions drop constraint refuse_ends");
        }

        assertThat(awaitEnd(executionId).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void everyAnswerOfARun_namesItsExecution_andThatExecutionIsRecorded() {
        String[] definitions = {
            ECHO_FLOW,
            "{\"steps\":[]}",
            "{\"steps\":[{\"id\":\"raw\",\"card\":\"flow.return_raw\",\"in\":{\"statusCode\":503}}]}",
            "{\"steps\":[{\"id\":\"fail\",\"card\":\"flow.return_error\",\"in\":{\"message\":\"no\"}}]}",
            "{\"steps\":[{\"id\":\"bad\",\"card\":\"json.parse\",\"in\":{\"text\":\"not json\"}}]}",
        };
        for (String definition : definitions) {
            HttpResponse<String> response = node.http().get(seed.flow(acme, definition).invokePath(), bearer(token));

            String executionId = response.headers().firstValue(EXECUTION_ID).orElseThrow();
            assertThat(node.query("select id from executions where id = '" + executionId + "'"))
                    .as(definition).containsExactly(executionId);
        }
    }

    @Test
    void executionThatCannotBeRecorded_isA500_andNotTheFlowsAnswer() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"done","card":"flow.return","in":{"body":{"secret":"flow-output"}}}]}""");
        // Every new execution row now fails to insert; the rows already there stay as they are.
        node.update("alter table executions add constraint refuse_new_rows check (id is null) not valid");
        HttpResponse<String> response;
        try {
            response = node.http().get(flow.invokePath(), bearer(token));
        } finally {
            node.update("alter table executions drop constraint refuse_new_rows");
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("flow-output").doesNotContain("refuse_new_rows")
                .doesNotContain("Exception");
        assertThat(node.query("select count(*) from executions")).containsExactly("0");
    }

    @Test
    void answerTooLargeForTheSelectorThread_arrivesWhole_andItsExecutionIsRecorded() {
        InvokeSeed.Flow flow = seed.flow(acme, """
                {"steps":[{"id":"echo","card":"flow.return_raw","in":{"statusCode":200,"body":"{{request.raw}}"}}]}""");
        String large = "\"" + "0123456789abcdef".repeat(40_000) + "\""; // a JSON text of 640,002 characters

        HttpResponse<String> response = node.http().post(flow.invokePath(), large, bearer(token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(large);
        String executionId = response.headers().firstValue(EXECUTION_ID).orElseThrow();
        assertThat(node.query("select status from executions where id = '" + executionId + "'"))
                .containsExactly("SUCCEEDED");
    }

    // ---- support

    /** Asks a flow that answers with the status in its body for that status; returns the answer's Connection header. */
    private Optional<String> connectionHeaderOfAnswer(InvokeSeed.Flow flow, int status) {
        HttpResponse<String> response = node.http().post(flow.invokePath(), "{\"status\":" + status + "}",
                bearer(token));
        assertThat(response.statusCode()).isEqualTo(status);
        return response.headers().firstValue("Connection");
    }

    private JsonNode execution(HttpResponse<String> response) {
        return execution(response.headers().firstValue(EXECUTION_ID).orElseThrow());
    }

    private JsonNode execution(String executionId) {
        HttpResponse<String> execution = node.http().get(acme.api("/executions/" + executionId), acme.auth());
        assertThat(execution.statusCode()).as(execution.body()).isEqualTo(200);
        return json(execution);
    }

    private JsonNode awaitEnd(String executionId) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        JsonNode execution = execution(executionId);
        while (execution.get("status").asText().equals("RUNNING") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            execution = execution(executionId);
        }
        return execution;
    }

}
