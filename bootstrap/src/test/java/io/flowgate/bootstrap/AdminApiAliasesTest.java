package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.MADE_UP_ID;
import static io.flowgate.bootstrap.FlowFixtures.pointer;
import static io.flowgate.bootstrap.FlowFixtures.problem;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flow aliases, the names in invoke URLs: added, removed and moved between flows of one org. */
class AdminApiAliasesTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private final FlowFixtures fixtures = new FlowFixtures(node);
    private final Http http = node.http();
    private OrgAdmin acme;
    private String first;
    private String firstAlias;
    private String second;
    private String secondAlias;

    @BeforeEach
    void flows() {
        acme = node.createOrg("acme");
        JsonNode one = fixtures.createFlow(acme, "One");
        first = one.get("id").asText();
        firstAlias = one.get("aliases").get(0).asText();
        JsonNode two = fixtures.createFlow(acme, "Two");
        second = two.get("id").asText();
        secondAlias = two.get("aliases").get(0).asText();
    }

    @Test
    void namedAlias_answers201WithTheFlow_listingItAfterTheRandomOne() {
        HttpResponse<String> response = http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode flow = json(response);
        assertThat(flow.get("id").asText()).isEqualTo(first);
        assertThat(texts(flow.get("aliases"))).containsExactly(firstAlias, "create-user");
        // the invoke URL keeps naming the flow's first alias
        assertThat(flow.get("invokeUrl").asText()).isEqualTo(invokeUrl(firstAlias));
        assertThat(json(http.get(flow(first), acme.auth()))).isEqualTo(flow);
        assertThat(node.query("select flow_id from flow_aliases where alias = 'create-user'")).containsExactly(first);
    }

    @Test
    void emptyRequest_addsAnotherRandomAlias() {
        HttpResponse<String> response = http.post(aliases(first), "{}", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        List<String> aliases = texts(json(response).get("aliases"));
        assertThat(aliases).hasSize(2).startsWith(firstAlias).doesNotHaveDuplicates();
        assertThat(aliases.get(1)).matches("[0-9a-f]{32}");
    }

    @Test
    void aliasTakenInTheOrg_isA409_evenWhenBoundToAnotherFlow_andStaysWhereItWas() {
        http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());
        JsonNode firstBefore = json(http.get(flow(first), acme.auth()));
        JsonNode secondBefore = json(http.get(flow(second), acme.auth()));

        JsonNode sameFlow = problem(http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth()), 409);
        problem(http.post(aliases(second), "{\"alias\":\"create-user\"}", acme.auth()), 409);
        problem(http.post(aliases(second), "{\"alias\":\"" + firstAlias + "\"}", acme.auth()), 409);

        assertThat(sameFlow.get("detail").asText()).contains("create-user");
        assertThat(json(http.get(flow(first), acme.auth()))).isEqualTo(firstBefore);
        assertThat(json(http.get(flow(second), acme.auth()))).isEqualTo(secondBefore);
        assertThat(node.query("select flow_id from flow_aliases where alias = 'create-user'")).containsExactly(first);
        assertThat(node.query("select count(*) from system_log where event_type = 'flow.alias.created'"))
                .containsExactly("1");
    }

    @Test
    void sameAliasInAnotherOrg_isItsOwn() {
        OrgAdmin globex = node.createOrg("globex");
        String theirs = fixtures.createFlow(globex, "Theirs").get("id").asText();
        http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());

        HttpResponse<String> response = http.post(globex.api("/flows/" + theirs + "/aliases"),
                "{\"alias\":\"create-user\"}", globex.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(node.query("select flow_id from flow_aliases where alias = 'create-user' order by flow_id"))
                .containsExactlyInAnyOrder(first, theirs);
    }

    @Test
    void invalidAlias_isA400ProblemPointingAtIt_andNothingIsWritten() {
        for (String alias : new String[] {"\"Create-User\"", "\"create user\"", "\"-create\"", "\"\"", "\"a/b\"",
                "\"créer\"", "\"" + "a".repeat(101) + "\"", "42"}) {
            assertThat(pointer(http.post(aliases(first), "{\"alias\":" + alias + "}", acme.auth()))).as(alias)
                    .isEqualTo("/alias");
        }
        assertThat(pointer(http.post(aliases(first), "{\"name\":\"create-user\"}", acme.auth()))).isEqualTo("/name");
        problem(http.post(aliases(first), "{\"alias\":", acme.auth()), 400);

        assertThat(node.query("select alias from flow_aliases order by alias"))
                .containsExactlyInAnyOrder(firstAlias, secondAlias);
    }

    @Test
    void longestAndShortestValidAliases_areAccepted() {
        String longest = "a" + "-_0".repeat(33);

        assertThat(http.post(aliases(first), "{\"alias\":\"" + longest + "\"}", acme.auth()).statusCode()).isEqualTo(201);
        assertThat(http.post(aliases(first), "{\"alias\":\"x\"}", acme.auth()).statusCode()).isEqualTo(201);
    }

    @Test
    void aliasOfAnUnknownFlow_isA404_andNothingIsWritten() {
        problem(http.post(aliases(MADE_UP_ID), "{\"alias\":\"create-user\"}", acme.auth()), 404);

        assertThat(node.query("select count(*) from flow_aliases")).containsExactly("2");
    }

    @Test
    void deleteAlias_answers204_andTheAliasIsFreeAgain() {
        http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());

        HttpResponse<String> deleted = http.delete(aliases(first) + "/create-user", acme.auth());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(texts(json(http.get(flow(first), acme.auth())).get("aliases"))).containsExactly(firstAlias);
        problem(http.delete(aliases(first) + "/create-user", acme.auth()), 404);
        assertThat(http.post(aliases(second), "{\"alias\":\"create-user\"}", acme.auth()).statusCode()).isEqualTo(201);
    }

    @Test
    void deletingTheAliasOfAnotherFlow_isA404_andTheAliasStays() {
        http.post(aliases(second), "{\"alias\":\"create-user\"}", acme.auth());

        JsonNode other = problem(http.delete(aliases(first) + "/create-user", acme.auth()), 404);
        JsonNode unknown = problem(http.delete(aliases(first) + "/never-made", acme.auth()), 404);

        assertThat(other.get("detail").asText().replace("create-user", "{alias}"))
                .isEqualTo(unknown.get("detail").asText().replace("never-made", "{alias}"));
        assertThat(node.query("select flow_id from flow_aliases where alias = 'create-user'")).containsExactly(second);
    }

    @Test
    void deletedFlow_freesItsAliases() {
        http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());
        http.delete(flow(first), acme.auth());

        HttpResponse<String> response = http.post(aliases(second), "{\"alias\":\"create-user\"}", acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void moveAlias_bindsItToTheOtherFlow_andBothFlowsShowIt() {
        http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());

        HttpResponse<String> moved = http.put(acme.api("/aliases/create-user"), "{\"flowId\":\"" + second + "\"}",
                acme.auth());

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("alias").asText()).isEqualTo("create-user");
        assertThat(json(moved).get("flowId").asText()).isEqualTo(second);
        assertThat(texts(json(http.get(flow(first), acme.auth())).get("aliases"))).containsExactly(firstAlias);
        assertThat(texts(json(http.get(flow(second), acme.auth())).get("aliases")))
                .containsExactlyInAnyOrder(secondAlias, "create-user");
        assertThat(node.query("select flow_id from flow_aliases where alias = 'create-user'")).containsExactly(second);
    }

    @Test
    void movingAFlowsOnlyAlias_takesItsInvokeUrlAlong() {
        HttpResponse<String> moved = http.put(acme.api("/aliases/" + firstAlias), "{\"flowId\":\"" + second + "\"}",
                acme.auth());

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode one = json(http.get(flow(first), acme.auth()));
        JsonNode two = json(http.get(flow(second), acme.auth()));
        assertThat(one.get("aliases")).isEmpty();
        assertThat(one.get("invokeUrl").isNull()).isTrue();
        assertThat(texts(two.get("aliases"))).containsExactlyInAnyOrder(firstAlias, secondAlias);
        // the older alias names the invoke URL, so the URL callers already use now reaches the second flow
        assertThat(two.get("invokeUrl").asText()).isEqualTo(invokeUrl(firstAlias));
    }

    @Test
    void movingToAFlowOfAnotherOrg_isA400LikeAnUnknownFlow_andNothingChanges() {
        OrgAdmin globex = node.createOrg("globex");
        JsonNode theirs = fixtures.createFlow(globex, "Theirs");
        String theirId = theirs.get("id").asText();
        http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());
        JsonNode before = json(http.get(flow(first), acme.auth()));

        HttpResponse<String> foreign = http.put(acme.api("/aliases/create-user"), "{\"flowId\":\"" + theirId + "\"}",
                acme.auth());
        HttpResponse<String> unknown = http.put(acme.api("/aliases/create-user"), "{\"flowId\":\"" + MADE_UP_ID + "\"}",
                acme.auth());

        assertThat(pointer(foreign)).isEqualTo("/flowId");
        assertThat(pointer(unknown)).isEqualTo("/flowId");
        assertThat(foreign.body().replace(theirId, "{id}")).isEqualTo(unknown.body().replace(MADE_UP_ID, "{id}"));
        assertThat(json(http.get(flow(first), acme.auth()))).isEqualTo(before);
        assertThat(json(http.get(globex.api("/flows/" + theirId), globex.auth()))).isEqualTo(theirs);
        assertThat(node.query("select flow_id from flow_aliases where alias = 'create-user'")).containsExactly(first);
        assertThat(node.query("select count(*) from system_log where event_type = 'flow.alias.moved'"))
                .containsExactly("0");
    }

    @Test
    void invalidMove_isA400_andUnknownAliasIsA404_andNothingChanges() {
        http.post(aliases(first), "{\"alias\":\"create-user\"}", acme.auth());

        assertThat(pointer(http.put(acme.api("/aliases/create-user"), "{}", acme.auth()))).isEqualTo("/flowId");
        assertThat(pointer(http.put(acme.api("/aliases/create-user"), "{\"flowId\":\"not an id\"}", acme.auth())))
                .isEqualTo("/flowId");
        assertThat(pointer(http.put(acme.api("/aliases/create-user"), "{\"flowId\":\"" + second + "\",\"x\":1}",
                acme.auth()))).isEqualTo("/x");
        problem(http.put(acme.api("/aliases/create-user"), "{\"flowId\":", acme.auth()), 400);
        problem(http.put(acme.api("/aliases/never-made"), "{\"flowId\":\"" + second + "\"}", acme.auth()), 404);
        problem(http.put(acme.api("/aliases/Not%20An%20Alias"), "{\"flowId\":\"" + second + "\"}", acme.auth()), 404);

        assertThat(node.query("select flow_id from flow_aliases where alias = 'create-user'")).containsExactly(first);
        assertThat(node.query("select count(*) from flow_aliases")).containsExactly("3");
    }

    private String flow(String id) {
        return acme.api("/flows/" + id);
    }

    private String aliases(String flowId) {
        return acme.api("/flows/" + flowId + "/aliases");
    }

    private String invokeUrl(String alias) {
        return acme.issuer() + "/api/flo/" + alias + "/invoke";
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
