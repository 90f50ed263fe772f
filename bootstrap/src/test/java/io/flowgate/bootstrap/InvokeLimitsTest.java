package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bounds of an invocation: body size, the flow's rate limit, and the flow's time limit. */
class InvokeLimitsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode(Map.of(
            "FLOWGATE_MAX_BODY", "1KiB",
            "FLOWGATE_FLOW_TIMEOUT", "1"));
    private final InvokeSeed seed = new InvokeSeed(node.http());

    private static final String EXECUTION_ID = "x-flowgate-execution-id";
    private static final String LENGTH_FLOW = """
            {"steps":[{"id":"size","card":"text.length","in":{"text":"{{request.raw}}"}},
                      {"id":"done","card":"flow.return","in":{"body":{"size":"{{size}}"}}}]}""";

    @Test
    void bodyOverTheLimit_isA413_whetherItsLengthIsDeclaredOrNot_andNothingRuns() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Flow flow = publicFlow(acme, LENGTH_FLOW);
        String fits = "a".repeat(1024);
        String tooLarge = "a".repeat(1025);

        HttpResponse<String> atTheLimit = node.http().send(post(flow, fits));
        HttpResponse<String> declared = node.http().send(post(flow, tooLarge));
        HttpResponse<String> chunked = node.http().send(HttpRequest.newBuilder(node.http().uri(flow.invokePath()))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(tooLarge.getBytes(StandardCharsets.UTF_8)))));

        assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(200);
        assertThat(json(atTheLimit).get("size").asInt()).isEqualTo(1024);
        for (HttpResponse<String> refused : List.of(declared, chunked)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue(EXECUTION_ID)).isEmpty();
            assertThat(refused.body()).doesNotContain("aaaa");
        }
        assertThat(node.query("select count(*) from executions")).containsExactly("1");
    }

    @Test
    void callsOverTheRateLimit_are429WithRetryAfter_andDoNotRun_untilTheBucketRefills() throws Exception {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Flow flow = seed.flow(acme, LENGTH_FLOW);
        seed.endpoint(acme, flow, "{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":2}}");

        long start = System.nanoTime();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(node.http().get(flow.invokePath()));
        }
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;

        List<HttpResponse<String>> ran = responses.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(ran.size() + limited.size()).isEqualTo(responses.size());
        // two at once, then two a second
        assertThat(ran.size()).isBetween(2, 2 + (int) Math.ceil(2 * elapsedSeconds));
        assertThat(limited).isNotEmpty();
        for (HttpResponse<String> refused : limited) {
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            // the next of two tokens a second is at most half a second away, announced in whole seconds
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue(EXECUTION_ID)).isEmpty();
        }
        assertThat(node.query("select count(*) from executions")).containsExactly(String.valueOf(ran.size()));
        assertThat(node.query("select count(*) from system_log where event_type = 'invoke.denied'"
                + " and reason = 'rate_limited'")).containsExactly(String.valueOf(limited.size()));

        Thread.sleep(Duration.ofSeconds(1).toMillis());
        assertThat(node.http().get(flow.invokePath()).statusCode()).isEqualTo(200);
    }

    @Test
    void flowPastItsTimeLimit_isA504_recordedAsTimedOut() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Flow flow = publicFlow(acme, "{\"steps\":[" + InvokeSeed.busySteps("work", InvokeSeed.MOST_BUSY_ROUNDS) + ","
                + "{\"id\":\"done\",\"card\":\"flow.return\",\"in\":{\"body\":\"finished\"}}]}");

        long start = System.nanoTime();
        HttpResponse<String> response = node.http().get(flow.invokePath());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String executionId = response.headers().firstValue(EXECUTION_ID).orElseThrow();
        assertThat(json(response).get("detail").asText()).contains(executionId);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        HttpResponse<String> execution = node.http().get(acme.api("/executions/" + executionId), acme.auth());
        assertThat(json(execution).get("status").asText()).isEqualTo("TIMED_OUT");
        assertThat(json(execution).get("steps").findValuesAsText("id")).doesNotContain("done");
    }

    private InvokeSeed.Flow publicFlow(RunningNode.OrgAdmin org, String definition) {
        InvokeSeed.Flow flow = seed.flow(org, definition);
        seed.endpoint(org, flow, "{\"security\":\"PUBLIC\"}");
        return flow;
    }

    private HttpRequest.Builder post(InvokeSeed.Flow flow, String body) {
        return HttpRequest.newBuilder(node.http().uri(flow.invokePath()))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
