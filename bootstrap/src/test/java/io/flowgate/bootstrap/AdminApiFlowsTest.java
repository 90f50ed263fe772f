package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.DEFINITION;
import static io.flowgate.bootstrap.FlowFixtures.MADE_UP_ID;
import static io.flowgate.bootstrap.FlowFixtures.flowBody;
import static io.flowgate.bootstrap.FlowFixtures.pointer;
import static io.flowgate.bootstrap.FlowFixtures.problem;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flows through the org admin API of a real node: create, list, read, revise, lifecycle, delete. */
class AdminApiFlowsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private final FlowFixtures fixtures = new FlowFixtures(node);
    private final Http http = node.http();
    private OrgAdmin acme;

    @BeforeEach
    void org() {
        acme = node.createOrg("acme");
    }

    @Test
    void createFlow_answers201WithItsRandomAliasInvokeUrlAndDefaultEndpoint() throws Exception {
        HttpResponse<String> response = http.post(acme.api("/flows"), flowBody("Greeter", DEFINITION), acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode flow = json(response);
        String id = flow.get("id").asText();
        assertThat(id).matches("[0-9A-Za-z]{20}");
        assertThat(response.headers().firstValue("Location")).hasValue(acme.issuer() + "/api/v1/flows/" + id);
        assertThat(flow.get("name").asText()).isEqualTo("Greeter");
        assertThat(flow.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(flow.get("version").asInt()).isEqualTo(1);
        assertThat(flow.get("definition")).isEqualTo(Http.JSON.readTree(DEFINITION));
        assertThat(flow.get("aliases")).hasSize(1);
        String alias = flow.get("aliases").get(0).asText();
        assertThat(alias).matches("[0-9a-f]{32}");
        assertThat(flow.get("invokeUrl").asText()).isEqualTo(acme.issuer() + "/api/flo/" + alias + "/invoke");
        assertThat(flow.get("endpoint")).isEqualTo(Http.JSON.readTree(
                "{\"security\":\"OAUTH2\",\"allowedApps\":\"ANY\",\"rateLimit\":{\"perSecond\":1000}}"));
        assertThat(flow.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(flow.get("lastUpdated").asText()).isEqualTo(flow.get("created").asText());
        assertThat(node.query("select alias from flow_aliases where flow_id = '" + id + "'")).containsExactly(alias);
    }

    @Test
    void twoFlows_getDifferentRandomAliases() {
        String first = fixtures.createFlow(acme, "One").get("aliases").get(0).asText();
        String second = fixtures.createFlow(acme, "Two").get("aliases").get(0).asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void createdFlow_isReadableAndListed() {
        JsonNode created = fixtures.createFlow(acme, "Greeter");
        String id = created.get("id").asText();

        HttpResponse<String> read = http.get(acme.api("/flows/" + id), acme.auth());
        HttpResponse<String> list = http.get(acme.api("/flows"), acme.auth());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(created);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list)).containsExactly(created);
        assertThat(list.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void flowList_pagesWithALinkToTheNextPage() {
        String first = fixtures.createFlow(acme, "One").get("id").asText();
        String second = fixtures.createFlow(acme, "Two").get("id").asText();
        String third = fixtures.createFlow(acme, "Three").get("id").asText();

        HttpResponse<String> page1 = http.get(acme.api("/flows?limit=2"), acme.auth());
        String link = page1.headers().firstValue("Link").orElseThrow();
        HttpResponse<String> page2 = http.get(link.substring(link.indexOf("/orgs/"), link.indexOf('>')), acme.auth());

        assertThat(json(page1)).extracting(flow -> flow.get("id").asText()).containsExactly(first, second);
        assertThat(link).isEqualTo("<" + acme.issuer() + "/api/v1/flows?limit=2&after=" + second + ">; rel=\"next\"");
        assertThat(json(page2)).extracting(flow -> flow.get("id").asText()).containsExactly(third);
        assertThat(page2.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void badPagingParameters_areA400Problem() {
        for (String query : new String[] {"limit=0", "limit=201", "limit=ten", "after=not%20an%20id"}) {
            problem(http.get(acme.api("/flows?" + query), acme.auth()), 400);
        }
    }

    @Test
    void revise_replacesNameAndDefinition_andBumpsTheVersion() throws Exception {
        JsonNode created = fixtures.createFlow(acme, "Greeter");
        String id = created.get("id").asText();
        String definition = "{\"steps\":[{\"id\":\"shout\",\"card\":\"text.upper\",\"in\":{\"text\":\"hi\"}}]}";

        HttpResponse<String> response = http.put(acme.api("/flows/" + id), flowBody("Shouter", definition), acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode revised = json(response);
        assertThat(revised.get("name").asText()).isEqualTo("Shouter");
        assertThat(revised.get("definition")).isEqualTo(Http.JSON.readTree(definition));
        assertThat(revised.get("version").asInt()).isEqualTo(2);
        assertThat(revised.get("aliases")).isEqualTo(created.get("aliases"));
        assertThat(revised.get("endpoint")).isEqualTo(created.get("endpoint"));
        assertThat(revised.get("created")).isEqualTo(created.get("created"));
        assertThat(Instant.parse(revised.get("lastUpdated").asText()))
                .isAfter(Instant.parse(created.get("lastUpdated").asText()));
        assertThat(json(http.get(acme.api("/flows/" + id), acme.auth()))).isEqualTo(revised);
        assertThat(node.query("select version || ' ' || name from flow_versions where flow_id = '" + id + "' order by version"))
                .containsExactly("1 Greeter", "2 Shouter");
    }

    @Test
    void reviseAgain_bumpsTheVersionEachTime() {
        String id = fixtures.createFlow(acme, "Greeter").get("id").asText();

        http.put(acme.api("/flows/" + id), flowBody("Greeter", DEFINITION), acme.auth());
        HttpResponse<String> third = http.put(acme.api("/flows/" + id), flowBody("Greeter", DEFINITION), acme.auth());

        assertThat(json(third).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void deactivateAndActivate_answer200WithTheUpdatedFlow_andKeepTheVersion() {
        String id = fixtures.createFlow(acme, "Greeter").get("id").asText();

        HttpResponse<String> deactivated = http.post(acme.api("/flows/" + id + "/lifecycle/deactivate"), "", acme.auth());
        JsonNode whileInactive = json(http.get(acme.api("/flows/" + id), acme.auth()));
        HttpResponse<String> activated = http.post(acme.api("/flows/" + id + "/lifecycle/activate"), "", acme.auth());

        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(json(deactivated).get("status").asText()).isEqualTo("INACTIVE");
        assertThat(whileInactive.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(json(activated).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(json(activated).get("version").asInt()).isEqualTo(1);
        assertThat(node.query("select status from flows where id = '" + id + "'")).containsExactly("ACTIVE");
    }

    @Test
    void delete_answers204_thenTheFlowAndItsAliasesAreGone() {
        String id = fixtures.createFlow(acme, "Greeter").get("id").asText();

        HttpResponse<String> deleted = http.delete(acme.api("/flows/" + id), acme.auth());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        problem(http.get(acme.api("/flows/" + id), acme.auth()), 404);
        problem(http.delete(acme.api("/flows/" + id), acme.auth()), 404);
        assertThat(json(http.get(acme.api("/flows"), acme.auth()))).isEmpty();
        assertThat(node.query("select count(*) from flow_aliases")).containsExactly("0");
        assertThat(node.query("select count(*) from flow_versions")).containsExactly("0");
    }

    @Test
    void unknownOrMalformedFlowId_isA404Problem_onEveryRoute() {
        for (String id : new String[] {MADE_UP_ID, "not-an-id"}) {
            String flow = acme.api("/flows/" + id);
            problem(http.get(flow, acme.auth()), 404);
            problem(http.put(flow, flowBody("Greeter", DEFINITION), acme.auth()), 404);
            problem(http.delete(flow, acme.auth()), 404);
            problem(http.post(flow + "/lifecycle/activate", "", acme.auth()), 404);
            problem(http.post(flow + "/lifecycle/deactivate", "", acme.auth()), 404);
        }
        assertThat(node.query("select count(*) from flows")).containsExactly("0");
    }

    @Test
    void invalidFlow_isA400ProblemPointingAtTheField_andNothingIsWritten() {
        Map<String, String> pointerByBody = new LinkedHashMap<>();
        pointerByBody.put("{\"definition\":" + DEFINITION + "}", "/name");
        pointerByBody.put(flowBody("   ", DEFINITION), "/name");
        pointerByBody.put("{\"name\":42,\"definition\":" + DEFINITION + "}", "/name");
        pointerByBody.put("{\"name\":\"Greeter\"}", "/definition");
        pointerByBody.put(flowBody("Greeter", "null"), "/definition");
        pointerByBody.put(flowBody("Greeter", "\"steps\""), "/definition");
        pointerByBody.put(flowBody("Greeter", "[]"), "/definition");
        pointerByBody.put(flowBody("Greeter", "{}"), "/definition");
        pointerByBody.put(flowBody("Greeter", "{\"steps\":{}}"), "/definition");
        // half of a surrogate pair, which the database would keep as a '?'
        pointerByBody.put(flowBody("Gr\\ud800eeter", DEFINITION), "/name");
        pointerByBody.put(flowBody("Greeter",
                "{\"steps\":[{\"id\":\"a\",\"card\":\"text.upper\",\"in\":{\"text\":\"\\udc00\"}}]}"), "/definition");
        pointerByBody.put("{\"name\":\"Greeter\",\"definition\":" + DEFINITION + ",\"color\":\"red\"}", "/color");

        pointerByBody.forEach((body, expected) ->
                assertThat(pointer(http.post(acme.api("/flows"), body, acme.auth()))).as(body).startsWith(expected));

        assertNothingWritten();
    }

    @Test
    void numbersInADefinition_keepEveryDigit_whenSavedReadAndRun() {
        String definition = "{\"steps\":[{\"id\":\"answer\",\"card\":\"flow.return\",\"in\":{\"body\":"
                + "{\"big\":12345678901234567890.123456789012345,\"scaled\":10.500,\"wide\":1e400,"
                + "\"long\":123456789012345678901234567890}}}]}";
        JsonNode created = json(http.post(acme.api("/flows"), flowBody("Numbers", definition), acme.auth()));
        String id = created.get("id").asText();

        String read = http.get(acme.api("/flows/" + id), acme.auth()).body();
        assertThat(read).contains("\"big\":12345678901234567890.123456789012345", "\"scaled\":10.500",
                "\"wide\":1E+400", "\"long\":123456789012345678901234567890");
        http.put(acme.api("/flows/" + id + "/endpoint"), "{\"security\":\"PUBLIC\"}", acme.auth());
        HttpResponse<String> run = http.get(URI.create(created.get("invokeUrl").asText()).getPath());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(run.body()).contains("\"big\":12345678901234567890.123456789012345", "\"scaled\":10.500",
                "\"long\":123456789012345678901234567890").doesNotContain("Infinity");
    }

    /** A field given twice would otherwise be read as its last value, quietly dropping the first. */
    @Test
    void fieldGivenTwice_isA400Problem_andNothingIsWritten() {
        for (String body : new String[] {
                "{\"name\":\"Greeter\",\"name\":\"Other\",\"definition\":" + DEFINITION + "}",
                flowBody("Greeter", "{\"steps\":[],\"steps\":[]}")}) {
            JsonNode problem = problem(http.post(acme.api("/flows"), body, acme.auth()), 400);
            assertThat(problem.get("detail").asText()).as(body).isEqualTo("the request body is not valid JSON");
        }
        assertNothingWritten();
    }

    @Test
    void malformedOrMissingBody_isA400Problem_andNothingIsWritten() {
        JsonNode malformed = problem(http.post(acme.api("/flows"), "{\"name\":\"Greeter\",", acme.auth()), 400);
        JsonNode empty = problem(http.post(acme.api("/flows"), "", acme.auth()), 400);

        assertThat(malformed.get("detail").asText()).isEqualTo("the request body is not valid JSON");
        assertThat(empty.get("detail").asText()).isNotBlank();
        assertNothingWritten();
    }

    @Test
    void invalidRevision_isA400Problem_andTheFlowStaysAsItWas() {
        JsonNode created = fixtures.createFlow(acme, "Greeter");
        String id = created.get("id").asText();

        for (String body : new String[] {"{\"definition\":" + DEFINITION + "}", flowBody("Greeter", "{}"),
                flowBody("", DEFINITION), "{\"name\":\"Greeter\",\"definition\":" + DEFINITION + ",\"version\":7}",
                "{\"name\":"}) {
            problem(http.put(acme.api("/flows/" + id), body, acme.auth()), 400);
        }

        assertThat(json(http.get(acme.api("/flows/" + id), acme.auth()))).isEqualTo(created);
        assertThat(node.query("select count(*) from flow_versions")).containsExactly("1");
    }

    private void assertNothingWritten() {
        assertThat(node.query("select count(*) from flows")).containsExactly("0");
        assertThat(node.query("select count(*) from flow_aliases")).containsExactly("0");
        assertThat(node.query("select count(*) from system_log where event_type like 'flow.%'")).containsExactly("0");
    }
}
