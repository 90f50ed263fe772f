package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared checks of the org admin API end-to-end tests: problem bodies, created resources, paging links. */
final class AdminApiSupport {

    static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
    static final String ID = "[0-9A-Za-z]{20}";
    static final String INVOKE_SCOPE = "okta.workflows.invoke.manage";

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private AdminApiSupport() {
    }

    /** A refusal: the status, an RFC 9457 body of that status, and nothing internal in it. */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        // ids are random base62, so one may spell "SQL" by chance: look for internals around them only
        String withoutIds = response.body().replaceAll("\\b" + ID + "\\b", "<id>");
        assertThat(withoutIds).as(response.body()).doesNotContain("Exception", "io.flowgate", "SQL");
        return problem;
    }

    /** A 400 whose field errors point at {@code pointer}. */
    static JsonNode assertBadRequestAt(HttpResponse<String> response, String pointer) {
        JsonNode problem = assertProblem(response, 400);
        List<String> pointers = new ArrayList<>();
        problem.path("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertThat(pointers).as(response.body()).contains(pointer);
        return problem;
    }

    /** The 401 every unauthenticated admin request gets, with the challenge that names the scheme. */
    static JsonNode assertUnauthorized(HttpResponse<String> response) {
        JsonNode problem = assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("SSWS realm=\"flowgate\"");
        return problem;
    }

    static JsonNode assertCreated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return json(response);
    }

    static JsonNode assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static void assertNoContent(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    /** The path and query of the {@code rel="next"} link, which is a public URL of the node. */
    static String nextPage(HttpResponse<String> response) {
        String link = response.headers().firstValue("Link").orElseThrow(() -> new AssertionError("no Link header"));
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        assertThat(matcher.group(1)).startsWith(RunningNode.PUBLIC_URL + "/");
        return matcher.group(1).substring(RunningNode.PUBLIC_URL.length());
    }

    static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode createApp(Http http, OrgAdmin org, String label) {
        return assertCreated(http.post(org.api("/apps"), "{\"label\":\"" + label + "\"}", org.auth()));
    }

    /** Deactivated, so it can be deleted. */
    static JsonNode createInactiveApp(Http http, OrgAdmin org, String label) {
        String id = createApp(http, org, label).get("id").asText();
        return assertOk(http.post(org.api("/apps/" + id + "/lifecycle/deactivate"), "", org.auth()));
    }

    static JsonNode addKey(Http http, OrgAdmin org, String appId, String jwk) {
        return assertCreated(http.post(org.api("/apps/" + appId + "/credentials/jwks"), jwk, org.auth()));
    }

    static JsonNode grant(Http http, OrgAdmin org, String appId, String scope) {
        return assertCreated(http.post(org.api("/apps/" + appId + "/grants"), "{\"scopeId\":\"" + scope + "\"}",
                org.auth()));
    }

    /** Sends the requests at the same moment, each on its own thread, and answers their statuses in order. */
    @SafeVarargs
    static List<Integer> concurrently(Supplier<HttpResponse<String>>... requests) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests.length);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (Supplier<HttpResponse<String>> request : requests) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                statuses.add(response.get(30, TimeUnit.SECONDS).statusCode());
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The id of the admin token the org was created with: the actor of the org admin's changes. */
    static String firstAdminTokenId(Http http, OrgAdmin org) {
        JsonNode tokens = assertOk(http.get(org.api("/api-tokens"), org.auth()));
        assertThat(tokens).hasSize(1);
        return tokens.get(0).get("id").asText();
    }
}
