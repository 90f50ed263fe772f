package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.DEFINITION;
import static io.flowgate.bootstrap.FlowFixtures.flowBody;
import static io.flowgate.bootstrap.FlowFixtures.problem;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The org's system log as an admin reads it: tokens issued and denied, invocations allowed and
 * denied, who changed what; filtered by time and paged.
 */
class AdminApiLogsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String RETURN_OK = """
            {"steps":[{"id":"done","card":"flow.return","in":{"body":{"ok":true}}}]}""";

    private final FlowFixtures fixtures = new FlowFixtures(node);
    private final Http http = node.http();
    private OrgAdmin acme;

    @BeforeEach
    void org() {
        acme = node.createOrg("acme");
    }

    @Test
    void everyFlowChange_isLoggedWithItsEventTypeAndTheAdminTokenThatMadeIt() {
        HttpResponse<String> issued = http.post(acme.api("/api-tokens"), "{\"name\":\"deployer\"}", acme.auth());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode token = json(issued);
        String[] deployer = {"Authorization", "SSWS " + token.get("token").asText()};
        String id = json(http.post(acme.api("/flows"), flowBody("Greeter", DEFINITION), deployer)).get("id").asText();
        String flow = acme.api("/flows/" + id);
        http.put(flow, flowBody("Greeter 2", DEFINITION), deployer);
        http.post(flow + "/lifecycle/deactivate", "", deployer);
        http.post(flow + "/lifecycle/activate", "", deployer);
        http.put(flow + "/endpoint", "{\"security\":\"CLIENT_TOKEN\"}", deployer);
        http.post(flow + "/endpoint/client-token", "", deployer);
        http.post(flow + "/aliases", "{\"alias\":\"greet\"}", deployer);
        String other = fixtures.createFlow(acme, "Other").get("id").asText();
        http.put(acme.api("/aliases/greet"), "{\"flowId\":\"" + other + "\"}", deployer);
        http.delete(acme.api("/flows/" + other + "/aliases/greet"), deployer);
        http.delete(flow, deployer);

        HttpResponse<String> response = http.get(acme.api("/logs?limit=200"), acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> ofTheFlow = events(json(response)).stream()
                .filter(event -> event.get("target").asText().contains("flow:" + id))
                .toList();
        assertThat(ofTheFlow).extracting(event -> event.get("eventType").asText()).containsExactly(
                "flow.created", "flow.updated", "flow.deactivated", "flow.activated", "flow.endpoint.updated",
                "flow.client_token.regenerated", "flow.alias.created", "flow.alias.moved", "flow.deleted");
        assertThat(ofTheFlow).allSatisfy(event -> {
            assertThat(event.get("actor").asText()).isEqualTo("admin-token:" + token.get("id").asText());
            assertThat(event.get("outcome").asText()).isEqualTo("SUCCESS");
            assertThat(event.get("published").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        });
        assertThat(ofTheFlow.get(7).get("target").asText()).contains("greet").contains("flow:" + other);
        assertThat(events(json(response))).extracting(event -> event.get("eventType").asText())
                .contains("flow.alias.deleted");
    }

    @Test
    void tokensAndInvocations_areLoggedWithTheClientTheFlowAndTheReasonForARefusal() {
        InvokeSeed seed = new InvokeSeed(http);
        InvokeSeed.Client client = seed.client(acme);
        InvokeSeed.Client ungranted = seed.clientWithoutGrant(acme);
        InvokeSeed.Flow flow = seed.flow(acme, RETURN_OK);
        String token = seed.token(acme, client);
        HttpResponse<String> refusedToken = http.postForm("/orgs/acme/oauth2/v1/token",
                TokenForm.of(InvokeSeed.assertion(ungranted, acme.issuer() + "/oauth2/v1/token")).encode());
        assertThat(refusedToken.statusCode()).as(refusedToken.body()).isEqualTo(400);
        assertThat(http.post(flow.invokePath(), "{}", InvokeSeed.bearer(token)).statusCode()).isEqualTo(200);
        assertThat(http.post(flow.invokePath(), "{}").statusCode()).isEqualTo(401);
        seed.revoke(acme, client, token);

        HttpResponse<String> response = http.get(acme.api("/logs?limit=200"), acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(events(json(response)))
                .filteredOn(event -> event.get("eventType").asText().matches("(token|invoke)\\..*"))
                .extracting(event -> event.get("eventType").asText() + " " + event.get("actor").asText() + " "
                        + event.get("target").asText() + " " + event.get("outcome").asText() + " "
                        + event.get("reason").asText())
                .containsExactlyInAnyOrder(
                        "token.issued " + client.id() + " token-endpoint SUCCESS null",
                        "token.denied " + ungranted.id() + " token-endpoint FAILURE scope_invalid",
                        "invoke.allowed " + client.id() + " flow:" + flow.id() + " SUCCESS null",
                        "invoke.denied anonymous flow:" + flow.id() + " FAILURE token_missing",
                        "token.revoked " + client.id() + " token-endpoint SUCCESS null");
    }

    @Test
    void signingKeyRotation_isLoggedWithTheAdminTokenAndTheNewKey() {
        String actor = "admin-token:" + AdminApiSupport.firstAdminTokenId(http, acme);
        HttpResponse<String> rotated = http.post(acme.api("/authorization-server/keys/rotate"), "{}", acme.auth());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);

        HttpResponse<String> response = http.get(acme.api("/logs"), acme.auth());

        assertThat(events(json(response)))
                .filteredOn(event -> event.get("eventType").asText().startsWith("authorization_server."))
                .extracting(event -> event.get("eventType").asText() + " " + event.get("actor").asText() + " "
                        + event.get("target").asText() + " " + event.get("outcome").asText())
                .containsExactly("authorization_server.key.rotated " + actor + " signing-key:"
                        + json(rotated).get("kid").asText() + " SUCCESS");
    }

    @Test
    void since_keepsOnlyEventsPublishedFromThatInstantOn() throws Exception {
        String early = fixtures.createFlow(acme, "Early").get("id").asText();
        Thread.sleep(20);
        String late = fixtures.createFlow(acme, "Late").get("id").asText();
        String lateCreated = events(json(http.get(acme.api("/logs"), acme.auth()))).stream()
                .filter(event -> event.get("target").asText().equals("flow:" + late))
                .findFirst().orElseThrow().get("published").asText();

        HttpResponse<String> since = http.get(acme.api("/logs?since=" + lateCreated), acme.auth());
        HttpResponse<String> future = http.get(acme.api("/logs?since=2999-01-01T00:00:00Z"), acme.auth());

        assertThat(since.statusCode()).as(since.body()).isEqualTo(200);
        assertThat(events(json(since))).extracting(event -> event.get("target").asText())
                .containsExactly("flow:" + late)
                .doesNotContain("flow:" + early);
        assertThat(future.statusCode()).isEqualTo(200);
        assertThat(json(future)).isEmpty();
    }

    @Test
    void nextPageLink_keepsTheSinceFilter() {
        for (String name : new String[] {"One", "Two", "Three"}) {
            fixtures.createFlow(acme, name);
        }

        HttpResponse<String> page1 = http.get(acme.api("/logs?since=2000-01-01T00:00:00Z&limit=2"), acme.auth());
        String link = page1.headers().firstValue("Link").orElseThrow();
        HttpResponse<String> page2 = http.get(link.substring(link.indexOf("/orgs/"), link.indexOf('>')), acme.auth());

        assertThat(URLDecoder.decode(link, StandardCharsets.UTF_8))
                .startsWith("<" + acme.issuer() + "/api/v1/logs?since=2000-01-01T00:00:00Z&limit=2&after=");
        assertThat(json(page1)).hasSize(2);
        // org.created plus three flow.created: the second page holds the last two
        assertThat(json(page2)).extracting(event -> event.get("eventType").asText())
                .containsExactly("flow.created", "flow.created");
    }

    @Test
    void badOrOutOfRangeSince_isA400ProblemNamingIt() {
        for (String since : new String[] {"yesterday", "2026-13-01T00:00:00Z", "2026-01-15", "",
                "+10000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "-0001-12-31T23:59:59Z",
                "-1000000000-01-01T00:00:00Z"}) {
            HttpResponse<String> response = http.get(acme.api("/logs?since="
                    + URLEncoder.encode(since, StandardCharsets.UTF_8)), acme.auth());
            JsonNode problem = problem(response, 400);
            assertThat(problem.get("errors").get(0).get("pointer").asText()).as(since).endsWith("since");
        }
    }

    @Test
    void badPagingParameters_areA400Problem() {
        for (String query : new String[] {"limit=0", "limit=201", "limit=many", "after=a%20b"}) {
            problem(http.get(acme.api("/logs?" + query), acme.auth()), 400);
        }
    }

    private static List<JsonNode> events(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
