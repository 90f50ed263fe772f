package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.MADE_UP_ID;
import static io.flowgate.bootstrap.FlowFixtures.pointer;
import static io.flowgate.bootstrap.FlowFixtures.problem;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A flow's endpoint security and rate limit through the org admin API of a real node. */
class AdminApiEndpointTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private final FlowFixtures fixtures = new FlowFixtures(node);
    private final Http http = node.http();
    private OrgAdmin acme;
    private String flowId;
    private String endpoint;

    @BeforeEach
    void flow() {
        acme = node.createOrg("acme");
        flowId = fixtures.createFlow(acme, "Greeter").get("id").asText();
        endpoint = acme.api("/flows/" + flowId + "/endpoint");
    }

    @Test
    void newFlow_endpointIsOAuth2ForAnyApp_withTheDefaultRateLimit() throws Exception {
        HttpResponse<String> response = http.get(endpoint, acme.auth());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(Http.JSON.readTree(
                "{\"security\":\"OAUTH2\",\"allowedApps\":\"ANY\",\"rateLimit\":{\"perSecond\":1000}}"));
    }

    @Test
    void oauth2WithListedApps_isStored_andShownOnTheEndpointAndTheFlow() {
        String invoker = fixtures.createApp(acme, "Invoker");
        String reporter = fixtures.createApp(acme, "Reporter");

        HttpResponse<String> response = http.put(endpoint, "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + reporter
                + "\",\"" + invoker + "\"],\"rateLimit\":{\"perSecond\":25}}", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode settings = json(response);
        assertThat(settings.get("security").asText()).isEqualTo("OAUTH2");
        assertThat(settings.get("allowedApps")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(invoker, reporter);
        assertThat(settings.get("rateLimit").get("perSecond").asInt()).isEqualTo(25);
        assertThat(settings.has("clientToken")).isFalse();
        assertThat(json(http.get(endpoint, acme.auth()))).isEqualTo(settings);
        assertThat(json(http.get(acme.api("/flows/" + flowId), acme.auth())).get("endpoint")).isEqualTo(settings);
        assertThat(node.query("select app_id from flow_allowed_apps where flow_id = '" + flowId + "'"))
                .containsExactlyInAnyOrder(invoker, reporter);
    }

    @Test
    void backToAnyApp_dropsTheList() {
        String invoker = fixtures.createApp(acme, "Invoker");
        http.put(endpoint, "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + invoker + "\"]}", acme.auth());

        HttpResponse<String> response = http.put(endpoint, "{\"security\":\"OAUTH2\",\"allowedApps\":\"ANY\"}", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("allowedApps").asText()).isEqualTo("ANY");
        assertThat(node.query("select count(*) from flow_allowed_apps")).containsExactly("0");
    }

    @Test
    void public_hasNoAllowedApps_andKeepsTheGivenRateLimit() throws Exception {
        HttpResponse<String> response = http.put(endpoint,
                "{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":3}}", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode expected = Http.JSON.readTree("{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":3}}");
        assertThat(json(response)).isEqualTo(expected);
        assertThat(json(http.get(endpoint, acme.auth()))).isEqualTo(expected);
    }

    @Test
    void switchingToClientToken_returnsTheTokenOnce_andStoresOnlyItsHash() {
        HttpResponse<String> response = http.put(endpoint, "{\"security\":\"CLIENT_TOKEN\"}", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode settings = json(response);
        String token = settings.get("clientToken").asText();
        assertThat(token).matches("[0-9A-Za-z]{40}");
        assertThat(settings.get("security").asText()).isEqualTo("CLIENT_TOKEN");
        assertThat(settings.has("allowedApps")).isFalse();

        JsonNode read = json(http.get(endpoint, acme.auth()));
        JsonNode flow = json(http.get(acme.api("/flows/" + flowId), acme.auth()));
        assertThat(read.get("security").asText()).isEqualTo("CLIENT_TOKEN");
        assertThat(read.has("clientToken")).isFalse();
        assertThat(flow.get("endpoint")).isEqualTo(read);
        assertThat(flow.toString()).doesNotContain(token);
        assertThat(storedClientTokenHash()).isNotBlank().doesNotContain(token);
        assertThat(flowRowsContaining(token)).isZero();
    }

    @Test
    void clientTokenAgain_keepsTheCurrentToken_andReturnsNone() {
        http.put(endpoint, "{\"security\":\"CLIENT_TOKEN\"}", acme.auth());
        String hash = storedClientTokenHash();

        HttpResponse<String> again = http.put(endpoint, "{\"security\":\"CLIENT_TOKEN\",\"rateLimit\":{\"perSecond\":9}}",
                acme.auth());

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).has("clientToken")).isFalse();
        assertThat(json(again).get("rateLimit").get("perSecond").asInt()).isEqualTo(9);
        assertThat(storedClientTokenHash()).isEqualTo(hash);
    }

    @Test
    void regenerateClientToken_returnsANewToken_andReplacesTheStoredHash() {
        String first = json(http.put(endpoint, "{\"security\":\"CLIENT_TOKEN\",\"rateLimit\":{\"perSecond\":5}}",
                acme.auth())).get("clientToken").asText();
        String firstHash = storedClientTokenHash();

        HttpResponse<String> response = http.post(endpoint + "/client-token", "", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode settings = json(response);
        String second = settings.get("clientToken").asText();
        assertThat(second).matches("[0-9A-Za-z]{40}").isNotEqualTo(first);
        assertThat(settings.get("security").asText()).isEqualTo("CLIENT_TOKEN");
        assertThat(settings.get("rateLimit").get("perSecond").asInt()).isEqualTo(5);
        assertThat(json(http.get(endpoint, acme.auth())).has("clientToken")).isFalse();
        String secondHash = storedClientTokenHash();
        assertThat(secondHash).isNotBlank().isNotEqualTo(firstHash);
        assertThat(flowRowsContaining(first)).isZero();
        assertThat(flowRowsContaining(second)).isZero();
        assertThat(node.query("select event_type from system_log where target like 'flow:" + flowId + "%' order by id"))
                .containsExactly("flow.created", "flow.endpoint.updated", "flow.client_token.regenerated");
    }

    @Test
    void regenerateClientToken_ofAFlowWithoutClientToken_isA409_andNothingChanges() {
        for (String security : new String[] {"{\"security\":\"OAUTH2\",\"allowedApps\":\"ANY\"}", "{\"security\":\"PUBLIC\"}"}) {
            JsonNode before = json(http.put(endpoint, security, acme.auth()));
            String lastUpdated = lastUpdated();

            problem(http.post(endpoint + "/client-token", "", acme.auth()), 409);

            assertThat(json(http.get(endpoint, acme.auth()))).isEqualTo(before);
            assertThat(lastUpdated()).isEqualTo(lastUpdated);
            assertThat(node.query("select count(*) from flows where client_token_hash is not null")).containsExactly("0");
        }
    }

    @Test
    void leavingClientToken_dropsTheHash_andComingBackIssuesAFreshToken() {
        String first = json(http.put(endpoint, "{\"security\":\"CLIENT_TOKEN\"}", acme.auth())).get("clientToken").asText();
        String firstHash = storedClientTokenHash();

        http.put(endpoint, "{\"security\":\"PUBLIC\"}", acme.auth());
        assertThat(node.query("select count(*) from flows where client_token_hash is not null")).containsExactly("0");
        HttpResponse<String> back = http.put(endpoint, "{\"security\":\"CLIENT_TOKEN\"}", acme.auth());

        assertThat(json(back).get("clientToken").asText()).matches("[0-9A-Za-z]{40}").isNotEqualTo(first);
        assertThat(storedClientTokenHash()).isNotEqualTo(firstHash);
    }

    @Test
    void anAppOfAnotherOrg_isRefusedLikeAnUnknownOne_andNothingChanges() {
        String invoker = fixtures.createApp(acme, "Invoker");
        String foreign = fixtures.createApp(node.createOrg("globex"), "Globex app");
        JsonNode before = json(http.put(endpoint, "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + invoker
                + "\"],\"rateLimit\":{\"perSecond\":7}}", acme.auth()));
        String lastUpdated = lastUpdated();

        HttpResponse<String> foreignFirst = http.put(endpoint,
                "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + foreign + "\"]}", acme.auth());
        HttpResponse<String> foreignSecond = http.put(endpoint,
                "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + invoker + "\",\"" + foreign + "\"]}", acme.auth());
        HttpResponse<String> unknown = http.put(endpoint,
                "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + MADE_UP_ID + "\"]}", acme.auth());

        assertThat(pointer(foreignFirst)).isEqualTo("/allowedApps/0");
        assertThat(pointer(foreignSecond)).isEqualTo("/allowedApps/1");
        assertThat(pointer(unknown)).isEqualTo("/allowedApps/0");
        // the answer for another org's app is the answer for a made-up id: it tells nothing about that org
        assertThat(foreignFirst.body().replace(foreign, "{id}")).isEqualTo(unknown.body().replace(MADE_UP_ID, "{id}"));
        assertUnchangedSince(before, lastUpdated, invoker);
    }

    @Test
    void invalidSettings_areA400ProblemPointingAtTheField_andNothingChanges() {
        String invoker = fixtures.createApp(acme, "Invoker");
        String valid = "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + invoker + "\"],\"rateLimit\":{\"perSecond\":7}}";
        JsonNode before = json(http.put(endpoint, valid, acme.auth()));
        String lastUpdated = lastUpdated();
        Map<String, String> pointerByBody = new LinkedHashMap<>();
        pointerByBody.put("{\"security\":\"OAUTH2\",\"allowedApps\":[]}", "/allowedApps");
        pointerByBody.put("{\"security\":\"OAUTH2\"}", "/allowedApps");
        pointerByBody.put("{\"security\":\"OAUTH2\",\"allowedApps\":\"SOME\"}", "/allowedApps");
        pointerByBody.put("{\"security\":\"OAUTH2\",\"allowedApps\":[\"not an id!\"]}", "/allowedApps/0");
        pointerByBody.put("{\"security\":\"OAUTH2\",\"allowedApps\":[42]}", "/allowedApps/0");
        pointerByBody.put("{\"security\":\"BASIC\"}", "/security");
        pointerByBody.put("{\"security\":\"public\"}", "/security");
        pointerByBody.put("{\"allowedApps\":\"ANY\"}", "/security");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"allowedApps\":\"ANY\"}", "/allowedApps");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"allowedApps\":[\"" + invoker + "\"]}", "/allowedApps");
        pointerByBody.put("{\"security\":\"CLIENT_TOKEN\",\"allowedApps\":\"ANY\"}", "/allowedApps");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":0}}", "/rateLimit/perSecond");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":-5}}", "/rateLimit/perSecond");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":1.5}}", "/rateLimit/perSecond");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":\"10\"}}", "/rateLimit/perSecond");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"rateLimit\":{\"perSecond\":3000000000}}", "/rateLimit/perSecond");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"rateLimit\":{}}", "/rateLimit/perSecond");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"rateLimit\":5}", "/rateLimit/perSecond");
        pointerByBody.put("{\"security\":\"PUBLIC\",\"clientToken\":\"mine\"}", "/clientToken");

        pointerByBody.forEach((body, expected) ->
                assertThat(pointer(http.put(endpoint, body, acme.auth()))).as(body).isEqualTo(expected));
        for (String body : new String[] {"{\"security\":", "[]", "\"PUBLIC\"", ""}) {
            problem(http.put(endpoint, body, acme.auth()), 400);
        }

        assertUnchangedSince(before, lastUpdated, invoker);
    }

    /**
     * The cap is checked before any listed id is looked up, so a body full of ids costs no query per
     * id: before it, 101 made-up ids were refused only at the first lookup, at /allowedApps/0.
     */
    @Test
    void moreAppsThanAnEndpointTakes_isRefusedAt_allowedApps_beforeAnyLookup_andNothingChanges() {
        String invoker = fixtures.createApp(acme, "Invoker");
        JsonNode before = json(http.put(endpoint, allowing(List.of(invoker)), acme.auth()));
        String lastUpdated = lastUpdated();
        List<String> madeUp = IntStream.rangeClosed(1, 101).mapToObj("%020d"::formatted).toList();

        HttpResponse<String> response = http.put(endpoint, allowing(madeUp), acme.auth());

        assertThat(pointer(response)).isEqualTo("/allowedApps");
        assertThat(json(response).get("detail").asText()).isEqualTo("allowedApps may list at most 100 apps");
        assertUnchangedSince(before, lastUpdated, invoker);
    }

    /** The endpoint keeps a set of apps: an id listed again counts once, against the cap too. */
    @Test
    void anAppListedManyTimes_isAllowedOnce_andAnUnknownOneIsRefusedAtItsFirstPlace() {
        String invoker = fixtures.createApp(acme, "Invoker");

        HttpResponse<String> repeated = http.put(endpoint, allowing(Collections.nCopies(150, invoker)), acme.auth());
        HttpResponse<String> unknownTwice = http.put(endpoint,
                allowing(List.of(invoker, MADE_UP_ID, invoker, MADE_UP_ID)), acme.auth());

        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
        assertThat(json(repeated).get("allowedApps")).extracting(JsonNode::asText).containsExactly(invoker);
        assertThat(node.query("select app_id from flow_allowed_apps")).containsExactly(invoker);
        assertThat(pointer(unknownTwice)).isEqualTo("/allowedApps/1");
    }

    @Test
    void endpointOfAnUnknownFlow_isA404Problem() {
        String unknown = acme.api("/flows/" + MADE_UP_ID + "/endpoint");

        problem(http.get(unknown, acme.auth()), 404);
        problem(http.put(unknown, "{\"security\":\"PUBLIC\"}", acme.auth()), 404);
        problem(http.post(unknown + "/client-token", "", acme.auth()), 404);
        assertThat(node.query("select security from flows")).containsExactly("OAUTH2");
    }

    private String storedClientTokenHash() {
        List<String> hashes = node.query("select client_token_hash from flows where id = '" + flowId + "'");
        assertThat(hashes).hasSize(1);
        return hashes.get(0);
    }

    /** Rows of the flow tables whose text contains the value anywhere, whatever the column. */
    private int flowRowsContaining(String value) {
        return Integer.parseInt(node.query("select (select count(*) from flows f where f::text like '%" + value
                + "%') + (select count(*) from system_log l where l::text like '%" + value + "%')").get(0));
    }

    private String lastUpdated() {
        return node.query("select last_updated from flows where id = '" + flowId + "'").get(0);
    }

    /** OAUTH2 settings that allow exactly the listed ids, in that order. */
    private static String allowing(List<String> appIds) {
        return appIds.stream()
                .collect(Collectors.joining("\",\"", "{\"security\":\"OAUTH2\",\"allowedApps\":[\"", "\"]}"));
    }

    /** A refused change left the settings, the flow's lastUpdated, its one allowed app and the log as they were. */
    private void assertUnchangedSince(JsonNode before, String lastUpdated, String invoker) {
        assertThat(json(http.get(endpoint, acme.auth()))).isEqualTo(before);
        assertThat(lastUpdated()).isEqualTo(lastUpdated);
        assertThat(node.query("select app_id from flow_allowed_apps")).containsExactly(invoker);
        assertThat(node.query("select count(*) from system_log where event_type = 'flow.endpoint.updated'"))
                .containsExactly("1");
    }
}
