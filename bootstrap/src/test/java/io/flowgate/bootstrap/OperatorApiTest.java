package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.adapter.out.persistence.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator API and health endpoints of a real node, over real HTTP, on a real PostgreSQL. */
class OperatorApiTest {

    private static final String OPERATOR_TOKEN = "operator-token-for-tests-0123456789";
    private static final String OPERATOR = "Authorization";
    private static final String SSWS = "SSWS " + OPERATOR_TOKEN;

    private static TestDatabase database;
    private static Flowgate flowgate;
    private static Http http;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        flowgate = Flowgate.start(Config.fromEnvironment(Map.of(
                "FLOWGATE_PORT", "0",
                "FLOWGATE_PUBLIC_URL", "https://flowgate.example.com",
                "FLOWGATE_DB_URL", database.url(),
                "FLOWGATE_DB_USER", database.user(),
                "FLOWGATE_DB_PASSWORD", database.password(),
                "FLOWGATE_OPERATOR_TOKEN", OPERATOR_TOKEN,
                "FLOWGATE_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")));
        http = new Http(flowgate.port());
    }

    @AfterAll
    static void stop() {
        flowgate.close();
        database.close();
    }

    @BeforeEach
    void empty() {
        database.truncateAll();
        flowgate.readCache().dropAll();
    }

    @Test
    void liveAndReady_answer200_whenTheDatabaseIsMigrated() {
        HttpResponse<String> live = http.get("/health/live");
        HttpResponse<String> ready = http.get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Date")).isPresent();
        assertThat(json(live).get("status").asText()).isEqualTo("UP");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void createOrg_withTheOperatorToken_answers201WithIssuerAndAFirstAdminTokenNotToBeCached() {
        HttpResponse<String> response = http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme Inc.\"}",
                OPERATOR, SSWS);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode org = json(response);
        assertThat(org.get("slug").asText()).isEqualTo("acme");
        assertThat(org.get("name").asText()).isEqualTo("Acme Inc.");
        assertThat(org.get("issuer").asText()).isEqualTo("https://flowgate.example.com/orgs/acme");
        assertThat(org.get("id").asText()).matches("[0-9A-Za-z]{20}");
        assertThat(org.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(org.get("adminToken").asText()).matches("[0-9A-Za-z]{40}");
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://flowgate.example.com/api/v1/orgs/" + org.get("id").asText());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void createdOrg_isListedAndReadable_withoutItsAdminToken() {
        String id = json(http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme\"}", OPERATOR, SSWS))
                .get("id").asText();

        JsonNode listed = json(http.get("/api/v1/orgs", OPERATOR, SSWS));
        HttpResponse<String> read = http.get("/api/v1/orgs/" + id, OPERATOR, SSWS);

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).has("adminToken")).isFalse();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("slug").asText()).isEqualTo("acme");
        assertThat(json(read).has("adminToken")).isFalse();
    }

    @Test
    void adminToken_isStoredOnlyAsAHash() throws SQLException {
        String token = json(http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme\"}", OPERATOR, SSWS))
                .get("adminToken").asText();

        String stored = queryString("select token_hash from admin_tokens");

        assertThat(stored).isNotBlank().doesNotContain(token);
        assertThat(queryString("select count(*) from admin_tokens where token_hash like '%" + token + "%'"))
                .isEqualTo("0");
    }

    @Test
    void createOrg_isRecordedInTheOrgsSystemLog() throws SQLException {
        http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme\"}", OPERATOR, SSWS);

        assertThat(queryString("select event_type || ' by ' || actor from system_log"))
                .isEqualTo("org.created by operator");
    }

    @Test
    void missingOrWrongOperatorToken_isRefusedWith401_andNothingIsWritten() throws SQLException {
        String body = "{\"slug\":\"acme\",\"name\":\"Acme\"}";
        HttpResponse<String> missing = http.post("/api/v1/orgs", body);
        HttpResponse<String> wrong = http.post("/api/v1/orgs", body, OPERATOR, "SSWS not-the-operator-token");
        HttpResponse<String> wrongScheme = http.post("/api/v1/orgs", body, OPERATOR, "Bearer " + OPERATOR_TOKEN);
        HttpResponse<String> listing = http.get("/api/v1/orgs", OPERATOR, "SSWS nope");

        for (HttpResponse<String> response : new HttpResponse[] {missing, wrong, wrongScheme, listing}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("SSWS realm=\"flowgate\"");
            assertThat(json(response).get("status").asInt()).isEqualTo(401);
        }
        assertThat(queryString("select count(*) from orgs")).isEqualTo("0");
    }

    @Test
    void operatorToken_isNoOrgAdminToken_andAnOrgAdminTokenIsNoOperatorToken() throws SQLException {
        String adminToken = json(http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme\"}", OPERATOR, SSWS))
                .get("adminToken").asText();
        String asAdmin = "SSWS " + adminToken;

        HttpResponse<String> operatorListsTokens = http.get("/orgs/acme/api/v1/api-tokens", OPERATOR, SSWS);
        HttpResponse<String> operatorIssuesToken = http.post("/orgs/acme/api/v1/api-tokens", "{\"name\":\"mine\"}",
                OPERATOR, SSWS);
        HttpResponse<String> adminListsOrgs = http.get("/api/v1/orgs", OPERATOR, asAdmin);
        HttpResponse<String> adminCreatesOrg = http.post("/api/v1/orgs", "{\"slug\":\"other\",\"name\":\"Other\"}",
                OPERATOR, asAdmin);

        for (HttpResponse<String> response
                : List.of(operatorListsTokens, operatorIssuesToken, adminListsOrgs, adminCreatesOrg)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("SSWS realm=\"flowgate\"");
        }
        assertThat(http.get("/orgs/acme/api/v1/api-tokens", OPERATOR, asAdmin).statusCode()).isEqualTo(200);
        assertThat(queryString("select count(*) from orgs")).isEqualTo("1");
        assertThat(queryString("select count(*) from admin_tokens")).isEqualTo("1");
    }

    @Test
    void slugAndNameAtTheirLongest_areAccepted_andNamesCountCharactersNotBytes() {
        String longestSlug = "a" + "-".repeat(61) + "z";
        Map<String, String> nameBySlug = Map.of(
                "a1", "A",
                longestSlug, "N".repeat(200),
                "emoji", "\uD83D\uDE80".repeat(200));

        nameBySlug.forEach((slug, name) -> {
            HttpResponse<String> response = http.post("/api/v1/orgs",
                    "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\"}", OPERATOR, SSWS);
            assertThat(response.statusCode()).as(slug + ": " + response.body()).isEqualTo(201);
            assertThat(json(response).get("slug").asText()).isEqualTo(slug);
            assertThat(json(response).get("name").asText()).isEqualTo(name);
        });
    }

    @Test
    void malformedJson_isA400Problem_andNothingIsWritten() throws SQLException {
        HttpResponse<String> response = http.post("/api/v1/orgs", "{\"slug\":\"acme\",", OPERATOR, SSWS);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asText()).isEqualTo("the request body is not valid JSON");
        assertThat(queryString("select count(*) from orgs")).isEqualTo("0");
    }

    @Test
    void invalidInput_isA400ProblemPointingAtTheField() throws SQLException {
        Map<String, String> pointerByBody = Map.ofEntries(
                Map.entry("{\"slug\":\"Acme Inc\",\"name\":\"Acme\"}", "/slug"),
                Map.entry("{\"slug\":\"-acme\",\"name\":\"Acme\"}", "/slug"),
                Map.entry("{\"name\":\"Acme\"}", "/slug"),
                Map.entry("{\"slug\":\"acme\"}", "/name"),
                Map.entry("{\"slug\":\"acme\",\"name\":\"   \"}", "/name"),
                Map.entry("{\"slug\":\"acme\",\"name\":42}", "/name"),
                Map.entry("{\"slug\":\"acme\",\"name\":\"Acme\",\"plan\":\"gold\"}", "/plan"),
                Map.entry("{\"slug\":\"a\",\"name\":\"Acme\"}", "/slug"),
                Map.entry("{\"slug\":\"" + "a".repeat(64) + "\",\"name\":\"Acme\"}", "/slug"),
                Map.entry("{\"slug\":\"acme\",\"name\":\"" + "N".repeat(201) + "\"}", "/name"),
                Map.entry("{\"slug\":\"acme\",\"name\":\"" + "N".repeat(10_000) + "\"}", "/name"));

        pointerByBody.forEach((body, pointer) -> {
            HttpResponse<String> response = http.post("/api/v1/orgs", body, OPERATOR, SSWS);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("errors").get(0).get("pointer").asText()).as(body).isEqualTo(pointer);
        });
        assertThat(queryString("select count(*) from orgs")).isEqualTo("0");
    }

    @Test
    void duplicateSlug_isA409Problem_andTheFirstOrgAndItsTokenStayAlone() throws SQLException {
        http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme\"}", OPERATOR, SSWS);

        HttpResponse<String> again = http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Other\"}", OPERATOR, SSWS);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(again).get("detail").asText()).contains("acme");
        assertThat(queryString("select count(*) from orgs")).isEqualTo("1");
        assertThat(queryString("select count(*) from admin_tokens")).isEqualTo("1");
        assertThat(queryString("select name from orgs")).isEqualTo("Acme");
    }

    @Test
    void orgList_pagesWithALinkToTheNextPage() {
        for (String slug : new String[] {"a1", "a2", "a3"}) {
            http.post("/api/v1/orgs", "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}", OPERATOR, SSWS);
        }

        HttpResponse<String> first = http.get("/api/v1/orgs?limit=2", OPERATOR, SSWS);
        String next = first.headers().firstValue("Link").orElseThrow();
        String nextPath = next.substring(next.indexOf("/api/"), next.indexOf('>'));
        HttpResponse<String> second = http.get(nextPath, OPERATOR, SSWS);

        assertThat(json(first)).extracting(org -> org.get("slug").asText()).containsExactly("a1", "a2");
        assertThat(next).startsWith("<https://flowgate.example.com/api/v1/orgs?limit=2&after=").endsWith(">; rel=\"next\"");
        assertThat(json(second)).extracting(org -> org.get("slug").asText()).containsExactly("a3");
        assertThat(second.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void badPagingParameters_areA400Problem() {
        for (String query : new String[] {"limit=0", "limit=201", "limit=ten", "after=not%20an%20id"}) {
            HttpResponse<String> response = http.get("/api/v1/orgs?" + query, OPERATOR, SSWS);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void unknownOrMalformedOrgId_isA404Problem() {
        for (String id : new String[] {"00000000000000000000", "not-an-id"}) {
            HttpResponse<String> response = http.get("/api/v1/orgs/" + id, OPERATOR, SSWS);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void unknownRouteAndWrongMethod_areProblems() {
        HttpResponse<String> unknown = http.get("/api/v1/nothing-here", OPERATOR, SSWS);
        HttpResponse<String> wrongMethod = http.post("/health/live", "{}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrongMethod.headers().firstValue("Allow")).isPresent();
    }

    private static String queryString(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
