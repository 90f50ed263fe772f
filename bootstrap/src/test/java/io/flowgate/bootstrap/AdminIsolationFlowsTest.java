package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.DEFINITION;
import static io.flowgate.bootstrap.FlowFixtures.MADE_UP_ID;
import static io.flowgate.bootstrap.FlowFixtures.flowBody;
import static io.flowgate.bootstrap.FlowFixtures.problem;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.FlowFixtures.ExecutionRow;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two orgs on one node: the admin of one can neither read, list, change, delete nor detect the
 * other's flows, endpoints, aliases, executions or log entries.
 */
class AdminIsolationFlowsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String B_EXECUTION = "execB000000000000001";

    private final FlowFixtures fixtures = new FlowFixtures(node);
    private final Http http = node.http();
    private OrgAdmin a;
    private OrgAdmin b;
    private String aFlow;
    private String aAlias;
    private String bFlow;
    private String bAlias;
    private String bApp;

    /** One admin API request, with {@code {flow}}, {@code {alias}}, {@code {execution}} and {@code {app}} to fill in. */
    private record Call(String method, String path, String body) {

        Call fill(String flow, String alias, String execution, String app) {
            return new Call(method, fill(path, flow, alias, execution, app), fill(body, flow, alias, execution, app));
        }

        private static String fill(String text, String flow, String alias, String execution, String app) {
            return text.replace("{flow}", flow).replace("{alias}", alias).replace("{execution}", execution)
                    .replace("{app}", app);
        }
    }

    /** Every route of the flow admin API, each asking about the flow, alias, execution or app of the owner. */
    private static final List<Call> ROUTES = List.of(
            new Call("GET", "/flows", ""),
            new Call("POST", "/flows", flowBody("Intruder", DEFINITION)),
            new Call("GET", "/flows/{flow}", ""),
            new Call("PUT", "/flows/{flow}", flowBody("Taken over", DEFINITION)),
            new Call("POST", "/flows/{flow}/lifecycle/deactivate", ""),
            new Call("POST", "/flows/{flow}/lifecycle/activate", ""),
            new Call("GET", "/flows/{flow}/endpoint", ""),
            new Call("PUT", "/flows/{flow}/endpoint", "{\"security\":\"PUBLIC\"}"),
            new Call("PUT", "/flows/{flow}/endpoint", "{\"security\":\"OAUTH2\",\"allowedApps\":[\"{app}\"]}"),
            new Call("POST", "/flows/{flow}/endpoint/client-token", ""),
            new Call("POST", "/flows/{flow}/aliases", "{\"alias\":\"hijack\"}"),
            new Call("POST", "/flows/{flow}/aliases", "{}"),
            new Call("DELETE", "/flows/{flow}/aliases/{alias}", ""),
            new Call("PUT", "/aliases/{alias}", "{\"flowId\":\"{flow}\"}"),
            new Call("GET", "/flows/{flow}/executions", ""),
            new Call("GET", "/executions/{execution}", ""),
            new Call("GET", "/logs", ""),
            new Call("DELETE", "/flows/{flow}", ""));

    @BeforeEach
    void twoOrgs() {
        a = node.createOrg("acme");
        JsonNode acmeFlow = fixtures.createFlow(a, "Acme flow");
        aFlow = acmeFlow.get("id").asText();
        aAlias = acmeFlow.get("aliases").get(0).asText();

        b = node.createOrg("globex");
        bApp = fixtures.createApp(b, "Globex invoker");
        bFlow = fixtures.createFlow(b, "Globex flow").get("id").asText();
        bAlias = "create-user";
        assertThat(http.post(b.api("/flows/" + bFlow + "/aliases"), "{\"alias\":\"" + bAlias + "\"}", b.auth())
                .statusCode()).isEqualTo(201);
        assertThat(http.put(b.api("/flows/" + bFlow + "/endpoint"),
                "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + bApp + "\"]}", b.auth()).statusCode()).isEqualTo(200);
        fixtures.insert(ExecutionRow.succeeded(B_EXECUTION, b.id(), bFlow));
    }

    @Test
    void aToken_onBsUrls_isA401LikeAnUnknownOrg_andBIsUnchanged() {
        List<String> before = stateOf(b);

        for (Call route : ROUTES) {
            Call call = route.fill(bFlow, bAlias, B_EXECUTION, bApp);
            HttpResponse<String> onB = send(call, "/orgs/globex/api/v1", a.auth());
            HttpResponse<String> onNoOrg = send(call, "/orgs/no-such-org/api/v1", a.auth());
            assertThat(problem(onB, 401)).as(call.toString()).isEqualTo(problem(onNoOrg, 401));
            assertThat(onB.headers().firstValue("WWW-Authenticate")).hasValue("SSWS realm=\"flowgate\"");
        }

        assertThat(stateOf(b)).isEqualTo(before);
    }

    @Test
    void bIds_underAsUrls_answerLikeMadeUpIds_andNeitherOrgChanges() {
        List<String> bBefore = stateOf(b);
        List<String> aBefore = stateOf(a);

        for (Call route : ROUTES.stream().filter(route -> route.path().contains("{")).toList()) {
            HttpResponse<String> withBIds = send(route.fill(bFlow, bAlias, B_EXECUTION, bApp), "/orgs/acme/api/v1",
                    a.auth());
            HttpResponse<String> withMadeUpIds = send(route.fill(MADE_UP_ID, "never-made", MADE_UP_ID, MADE_UP_ID),
                    "/orgs/acme/api/v1", a.auth());
            problem(withBIds, 404);
            assertThat(withoutIds(withBIds.body())).as(route.toString()).isEqualTo(withoutIds(withMadeUpIds.body()));
        }

        assertThat(stateOf(b)).isEqualTo(bBefore);
        assertThat(stateOf(a)).isEqualTo(aBefore);
    }

    @Test
    void bsFlowAndApp_namedInAsOwnFlowSettings_answerLikeMadeUpIds_andAIsUnchanged() {
        List<String> aBefore = stateOf(a);
        List<Call> ownFlowCalls = List.of(
                new Call("PUT", "/aliases/" + aAlias, "{\"flowId\":\"{flow}\"}"),
                new Call("PUT", "/flows/" + aFlow + "/endpoint", "{\"security\":\"OAUTH2\",\"allowedApps\":[\"{app}\"]}"));

        for (Call route : ownFlowCalls) {
            HttpResponse<String> withBIds = send(route.fill(bFlow, "", "", bApp), "/orgs/acme/api/v1", a.auth());
            HttpResponse<String> withMadeUpIds = send(route.fill(MADE_UP_ID, "", "", MADE_UP_ID), "/orgs/acme/api/v1",
                    a.auth());
            problem(withBIds, 400);
            assertThat(withoutIds(withBIds.body())).as(route.toString()).isEqualTo(withoutIds(withMadeUpIds.body()));
        }

        assertThat(stateOf(a)).isEqualTo(aBefore);
    }

    @Test
    void bsAlias_cannotBeMovedToOrDeletedFromAsOwnFlow_andStaysInB() {
        List<String> bBefore = stateOf(b);

        HttpResponse<String> move = http.put(a.api("/aliases/" + bAlias), "{\"flowId\":\"" + aFlow + "\"}", a.auth());
        HttpResponse<String> moveUnknown = http.put(a.api("/aliases/never-made"), "{\"flowId\":\"" + aFlow + "\"}",
                a.auth());
        HttpResponse<String> delete = http.delete(a.api("/flows/" + aFlow + "/aliases/" + bAlias), a.auth());
        HttpResponse<String> deleteUnknown = http.delete(a.api("/flows/" + aFlow + "/aliases/never-made"), a.auth());

        problem(move, 404);
        problem(delete, 404);
        assertThat(withoutIds(move.body())).isEqualTo(withoutIds(moveUnknown.body()));
        assertThat(withoutIds(delete.body())).isEqualTo(withoutIds(deleteUnknown.body()));
        assertThat(stateOf(b)).isEqualTo(bBefore);
        assertThat(node.query("select flow_id from flow_aliases where alias = '" + bAlias + "'")).containsExactly(bFlow);
    }

    @Test
    void aliasNameTakenInB_isFreeInA() {
        HttpResponse<String> response = http.post(a.api("/flows/" + aFlow + "/aliases"),
                "{\"alias\":\"" + bAlias + "\"}", a.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(node.query("select org_id from flow_aliases where alias = '" + bAlias + "'"))
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void aListsAndLog_holdNothingOfB() {
        JsonNode flows = json(http.get(a.api("/flows"), a.auth()));
        JsonNode log = json(http.get(a.api("/logs?limit=200"), a.auth()));

        assertThat(flows).extracting(flow -> flow.get("id").asText()).containsExactly(aFlow);
        assertThat(log).extracting(event -> event.get("id").asText()).containsExactlyElementsOf(
                node.query("select id from system_log where org_id = '" + a.id() + "' order by id"));
        assertThat(log.toString()).doesNotContain(bFlow, bApp, bAlias, b.id());
    }

    private HttpResponse<String> send(Call call, String apiRoot, String... auth) {
        String path = apiRoot + call.path();
        return switch (call.method()) {
            case "GET" -> http.get(path, auth);
            case "POST" -> http.post(path, call.body(), auth);
            case "PUT" -> http.put(path, call.body(), auth);
            case "DELETE" -> http.delete(path, auth);
            default -> throw new IllegalArgumentException(call.method());
        };
    }

    /** A problem names the id it was asked about; with the ids masked, two answers can be compared. */
    private String withoutIds(String body) {
        return body.replace(bFlow, "{id}").replace(B_EXECUTION, "{id}").replace(bApp, "{id}")
                .replace(MADE_UP_ID, "{id}").replace(bAlias, "{alias}").replace("never-made", "{alias}");
    }

    /** Everything the database holds about an org's flows, as its admin API reads it and as stored. */
    private List<String> stateOf(OrgAdmin org) {
        List<String> state = new ArrayList<>();
        state.add(http.get(org.api("/flows"), org.auth()).body());
        for (JsonNode flow : json(http.get(org.api("/flows"), org.auth()))) {
            String id = flow.get("id").asText();
            state.add(http.get(org.api("/flows/" + id + "/endpoint"), org.auth()).body());
            state.add(http.get(org.api("/flows/" + id + "/executions"), org.auth()).body());
        }
        state.add(http.get(org.api("/logs?limit=200"), org.auth()).body());
        String orgId = "'" + org.id() + "'";
        state.addAll(node.query("select f::text from flows f where org_id = " + orgId + " order by id"));
        state.addAll(node.query("select a::text from flow_aliases a where org_id = " + orgId + " order by alias"));
        state.addAll(node.query("select v::text from flow_versions v join flows f on f.id = v.flow_id"
                + " where f.org_id = " + orgId + " order by v.flow_id, v.version"));
        state.addAll(node.query("select p::text from flow_allowed_apps p join flows f on f.id = p.flow_id"
                + " where f.org_id = " + orgId + " order by p.flow_id, p.app_id"));
        state.addAll(node.query("select e::text from executions e where org_id = " + orgId + " order by id"));
        state.addAll(node.query("select l::text from system_log l where org_id = " + orgId + " order by id"));
        return state;
    }
}
