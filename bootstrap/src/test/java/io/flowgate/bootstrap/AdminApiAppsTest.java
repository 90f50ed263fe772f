package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.AdminApiSupport.ID;
import static io.flowgate.bootstrap.AdminApiSupport.INSTANT;
import static io.flowgate.bootstrap.AdminApiSupport.assertBadRequestAt;
import static io.flowgate.bootstrap.AdminApiSupport.assertCreated;
import static io.flowgate.bootstrap.AdminApiSupport.assertNoContent;
import static io.flowgate.bootstrap.AdminApiSupport.assertOk;
import static io.flowgate.bootstrap.AdminApiSupport.assertProblem;
import static io.flowgate.bootstrap.AdminApiSupport.createApp;
import static io.flowgate.bootstrap.AdminApiSupport.createInactiveApp;
import static io.flowgate.bootstrap.AdminApiSupport.field;
import static io.flowgate.bootstrap.AdminApiSupport.fieldNames;
import static io.flowgate.bootstrap.AdminApiSupport.firstAdminTokenId;
import static io.flowgate.bootstrap.AdminApiSupport.nextPage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code {issuer}/api/v1/apps}: the API service apps of an org, end to end. */
class AdminApiAppsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String UNKNOWN_ID = "00000000000000000000";

    private Http http;
    private OrgAdmin acme;

    @BeforeEach
    void org() {
        http = node.http();
        acme = node.createOrg("acme");
    }

    private List<String> storedApps() {
        return node.query("select t::text from apps t order by id");
    }

    @Test
    void createApp_answers201WithExactlyTheDesignedShape() {
        HttpResponse<String> response = http.post(acme.api("/apps"), "{\"label\":\"Invoker\"}", acme.auth());

        JsonNode app = assertCreated(response);
        assertThat(fieldNames(app)).containsExactlyInAnyOrder(
                "id", "clientId", "label", "status", "tokenEndpointAuthMethod", "created", "lastUpdated");
        assertThat(app.get("id").asText()).matches(ID);
        assertThat(app.get("clientId").asText()).isEqualTo(app.get("id").asText());
        assertThat(app.get("label").asText()).isEqualTo("Invoker");
        assertThat(app.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(app.get("tokenEndpointAuthMethod").asText()).isEqualTo("private_key_jwt");
        assertThat(app.get("created").asText()).matches(INSTANT);
        assertThat(app.get("lastUpdated").asText()).isEqualTo(app.get("created").asText());
        assertThat(response.headers().firstValue("Location"))
                .hasValue(acme.issuer() + "/api/v1/apps/" + app.get("id").asText());
        assertThat(storedApps()).hasSize(1);
    }

    @Test
    void createApp_trimsTheLabel() {
        assertThat(createApp(http, acme, "  Invoker  ").get("label").asText()).isEqualTo("Invoker");
    }

    @Test
    void getApp_answersWhatCreateAnswered() {
        JsonNode created = createApp(http, acme, "Invoker");

        JsonNode read = assertOk(http.get(acme.api("/apps/" + created.get("id").asText()), acme.auth()));

        assertThat(read).isEqualTo(created);
    }

    @Test
    void listApps_answersAnArrayInIdOrder_withoutALinkWhenThePageIsNotFull() {
        List<String> ids = new ArrayList<>();
        for (String label : List.of("one", "two", "three")) {
            ids.add(createApp(http, acme, label).get("id").asText());
        }

        HttpResponse<String> response = http.get(acme.api("/apps"), acme.auth());

        assertThat(field(assertOk(response), "id")).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void listApps_pagesWithALinkToTheNextPage_untilAnEmptyPage() {
        List<String> ids = Stream.of("one", "two", "three", "four")
                .map(label -> createApp(http, acme, label).get("id").asText())
                .sorted()
                .toList();

        HttpResponse<String> first = http.get(acme.api("/apps?limit=2"), acme.auth());
        HttpResponse<String> second = http.get(nextPage(first), acme.auth());
        HttpResponse<String> third = http.get(nextPage(second), acme.auth());

        assertThat(field(assertOk(first), "id")).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(nextPage(first)).isEqualTo(acme.api("/apps?limit=2&after=" + ids.get(1)));
        assertThat(field(assertOk(second), "id")).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(assertOk(third)).isEmpty();
        assertThat(third.headers().firstValue("Link")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "limit=-1", "limit=two", "after=not-an-id!"})
    void listApps_withABadPagingParameter_isABadRequestNamingIt(String query) {
        String parameter = query.substring(0, query.indexOf('='));

        assertBadRequestAt(http.get(acme.api("/apps?" + query), acme.auth()), "/" + parameter);
    }

    @Test
    void relabelApp_answers200WithTheNewLabel_andKeepsTheRest() {
        JsonNode created = createApp(http, acme, "Invoker");
        String id = created.get("id").asText();

        JsonNode updated = assertOk(http.put(acme.api("/apps/" + id), "{\"label\":\"Nightly job\"}", acme.auth()));

        assertThat(updated.get("label").asText()).isEqualTo("Nightly job");
        assertThat(updated.get("id")).isEqualTo(created.get("id"));
        assertThat(updated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(updated.get("created")).isEqualTo(created.get("created"));
        assertThat(Instant.parse(updated.get("lastUpdated").asText()))
                .isAfterOrEqualTo(Instant.parse(created.get("lastUpdated").asText()));
        assertThat(assertOk(http.get(acme.api("/apps/" + id), acme.auth()))).isEqualTo(updated);
    }

    @Test
    void deactivateAndActivate_answer200WithTheUpdatedApp() {
        String id = createApp(http, acme, "Invoker").get("id").asText();

        JsonNode deactivated = assertOk(http.post(acme.api("/apps/" + id + "/lifecycle/deactivate"), "", acme.auth()));
        JsonNode readInactive = assertOk(http.get(acme.api("/apps/" + id), acme.auth()));
        JsonNode activated = assertOk(http.post(acme.api("/apps/" + id + "/lifecycle/activate"), "", acme.auth()));

        assertThat(deactivated.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(readInactive).isEqualTo(deactivated);
        assertThat(activated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(fieldNames(activated)).containsExactlyInAnyOrderElementsOf(fieldNames(deactivated));
        assertThat(assertOk(http.get(acme.api("/apps/" + id), acme.auth()))).isEqualTo(activated);
    }

    @Test
    void deleteActiveApp_isAConflict_andTheAppStays() {
        JsonNode app = createApp(http, acme, "Invoker");
        String id = app.get("id").asText();

        assertProblem(http.delete(acme.api("/apps/" + id), acme.auth()), 409);

        assertThat(assertOk(http.get(acme.api("/apps/" + id), acme.auth()))).isEqualTo(app);
    }

    @Test
    void deleteInactiveApp_answers204_andTheAppIsGone() {
        String id = createInactiveApp(http, acme, "Invoker").get("id").asText();

        assertNoContent(http.delete(acme.api("/apps/" + id), acme.auth()));

        assertProblem(http.get(acme.api("/apps/" + id), acme.auth()), 404);
        assertThat(assertOk(http.get(acme.api("/apps"), acme.auth()))).isEmpty();
        assertThat(storedApps()).isEmpty();
        assertProblem(http.delete(acme.api("/apps/" + id), acme.auth()), 404);
    }

    @Test
    void deleteInactiveApp_takesItsKeysAndGrantsWithIt() {
        String id = createApp(http, acme, "Invoker").get("id").asText();
        assertCreated(http.post(acme.api("/apps/" + id + "/credentials/jwks/generate"), "{\"alg\":\"ES256\"}",
                acme.auth()));
        AdminApiSupport.grant(http, acme, id, AdminApiSupport.INVOKE_SCOPE);
        assertOk(http.post(acme.api("/apps/" + id + "/lifecycle/deactivate"), "", acme.auth()));

        assertNoContent(http.delete(acme.api("/apps/" + id), acme.auth()));

        assertThat(node.query("select count(*) from app_keys")).containsExactly("0");
        assertThat(node.query("select count(*) from scope_grants")).containsExactly("0");
    }

    /**
     * Ten rounds, as the two requests need to overlap. Whichever comes first, the other meets a
     * whole app: a change to the app, its keys or its grants either lands before the delete (and
     * goes with the app) or finds the app gone; never a 500, and nothing of the app is left behind.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("changesRacingADelete")
    void deletingAnInactiveApp_whileItChanges_answersTheChangeOrNotFound_neverA500(String change, String method,
                                                                                 String suffix, String body,
                                                                                 int success) {
        for (int round = 0; round < 10; round++) {
            String app = createApp(http, acme, "Race " + round).get("id").asText();
            String keys = "/apps/" + app + "/credentials/jwks";
            String key = assertCreated(http.post(acme.api(keys + "/generate"), "{\"alg\":\"ES256\"}", acme.auth()))
                    .get("id").asText();
            assertCreated(http.post(acme.api(keys + "/generate"), "{\"alg\":\"ES256\"}", acme.auth()));
            assertOk(http.post(acme.api("/apps/" + app + "/lifecycle/deactivate"), "", acme.auth()));
            String path = acme.api("/apps/" + app + suffix.replace("{keyId}", key));

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.delete(acme.api("/apps/" + app), acme.auth()),
                    () -> send(method, path, body));

            assertThat(statuses.get(0)).as("round " + round + ": the delete").isEqualTo(204);
            assertThat(statuses.get(1)).as("round " + round + ": " + change).isIn(success, 404);
            assertThat(node.query("select (select count(*) from apps where id = '" + app + "')"
                    + " + (select count(*) from app_keys where app_id = '" + app + "')"
                    + " + (select count(*) from scope_grants where app_id = '" + app + "')"))
                    .as("round " + round + ": rows of the app left").containsExactly("0");
        }
    }

    static Stream<Arguments> changesRacingADelete() {
        return Stream.of(
                Arguments.of("generate a key", "POST", "/credentials/jwks/generate", "{\"alg\":\"ES256\"}", 201),
                Arguments.of("add a public key", "POST", "/credentials/jwks",
                        AdminTestKeys.publicJson(AdminTestKeys.ecP256(), null), 201),
                Arguments.of("grant a scope", "POST", "/grants",
                        "{\"scopeId\":\"" + AdminApiSupport.INVOKE_SCOPE + "\"}", 201),
                Arguments.of("deactivate a key", "POST", "/credentials/jwks/{keyId}/lifecycle/deactivate", "", 200),
                Arguments.of("relabel the app", "PUT", "", "{\"label\":\"Renamed\"}", 200));
    }

    /**
     * Ten rounds, as the two requests need to overlap. Either the delete comes first and the
     * activation finds no app, or the activation does and the delete is refused: an app that was
     * just activated is never deleted.
     */
    @Test
    void activatingAnInactiveAppWhileItIsDeleted_eitherFindsItGone_orKeepsItFromTheDelete() {
        for (int round = 0; round < 10; round++) {
            String app = createInactiveApp(http, acme, "Race " + round).get("id").asText();

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.delete(acme.api("/apps/" + app), acme.auth()),
                    () -> http.post(acme.api("/apps/" + app + "/lifecycle/activate"), "", acme.auth()));

            assertThat(statuses).as("round " + round + ": delete, activate").isIn(List.of(204, 404), List.of(409, 200));
            assertThat(node.query("select status from apps where id = '" + app + "'")).as("round " + round)
                    .isEqualTo(statuses.get(0) == 204 ? List.of() : List.of("ACTIVE"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyAppRoute")
    void unknownApp_isNotFoundOnEveryRoute(String method, String suffix, String body) {
        createApp(http, acme, "Invoker");
        List<String> before = storedApps();

        for (String id : List.of(UNKNOWN_ID, "not-an-id!", "x".repeat(65))) {
            assertProblem(send(method, acme.api("/apps/" + id + suffix), body), 404);
        }

        assertThat(storedApps()).isEqualTo(before);
    }

    static Stream<Arguments> everyAppRoute() {
        return Stream.of(
                Arguments.of("GET", "", null),
                Arguments.of("PUT", "", "{\"label\":\"New\"}"),
                Arguments.of("POST", "/lifecycle/activate", ""),
                Arguments.of("POST", "/lifecycle/deactivate", ""),
                Arguments.of("DELETE", "", null));
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request, acme.auth());
    }

    /** Each bad body, and the pointer its refusal must carry. */
    static Stream<Arguments> badAppBodies() {
        return Stream.of(
                Arguments.of("{\"label\":\"   \"}", "/label"),
                Arguments.of("{\"label\":\"\"}", "/label"),
                Arguments.of("{}", "/label"),
                Arguments.of("{\"label\":null}", "/label"),
                Arguments.of("{\"label\":\"" + "a".repeat(101) + "\"}", "/label"),
                Arguments.of("{\"label\":\"tab\\tinside\"}", "/label"),
                Arguments.of("{\"label\":\"Invoker\",\"status\":\"INACTIVE\"}", "/status"),
                Arguments.of("{\"label\":\"Invoker\",\"clientId\":\"mine\"}", "/clientId"),
                Arguments.of("{\"label\":42}", "/label"),
                Arguments.of("{\"label\":[\"Invoker\"]}", "/label"),
                Arguments.of("{\"label\":{\"text\":\"Invoker\"}}", "/label"),
                Arguments.of("{\"label\":true}", "/label"));
    }

    @ParameterizedTest
    @MethodSource("badAppBodies")
    void createApp_withABadBody_isABadRequestAtTheField_andNothingIsWritten(String body, String pointer) {
        assertBadRequestAt(http.post(acme.api("/apps"), body, acme.auth()), pointer);

        assertThat(storedApps()).isEmpty();
        assertThat(node.query("select count(*) from system_log where event_type like 'app.%'")).containsExactly("0");
    }

    @ParameterizedTest
    @MethodSource("badAppBodies")
    void relabelApp_withABadBody_isABadRequestAtTheField_andNothingChanges(String body, String pointer) {
        String id = createApp(http, acme, "Invoker").get("id").asText();
        List<String> before = storedApps();

        assertBadRequestAt(http.put(acme.api("/apps/" + id), body, acme.auth()), pointer);

        assertThat(storedApps()).isEqualTo(before);
        assertThat(node.query("select count(*) from system_log where event_type = 'app.updated'")).containsExactly("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"label\":", "{\"label\":\"Invoker\"} trailing", "label=Invoker", "[{\"label\":\"x\"}]",
            "null", ""})
    void createApp_withMalformedJson_isABadRequest_andNothingIsWritten(String body) {
        assertProblem(http.post(acme.api("/apps"), body, acme.auth()), 400);

        assertThat(storedApps()).isEmpty();
    }

    @Test
    void createApp_withAnotherContentType_isUnsupported_sayingWhatItTakes_andNothingIsWritten() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + acme.api("/apps")))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"Invoker\"}")), acme.auth());

        assertThat(assertProblem(response, 415).get("detail").asText())
                .isEqualTo("send the request body as application/json");
        assertThat(storedApps()).isEmpty();
    }

    @Test
    void everyAppChange_isLoggedWithTheActingTokenAndItsEventType() {
        String actor = "admin-token:" + firstAdminTokenId(http, acme);
        String id = createApp(http, acme, "Invoker").get("id").asText();
        assertOk(http.put(acme.api("/apps/" + id), "{\"label\":\"Renamed\"}", acme.auth()));
        assertOk(http.post(acme.api("/apps/" + id + "/lifecycle/deactivate"), "", acme.auth()));
        assertOk(http.post(acme.api("/apps/" + id + "/lifecycle/activate"), "", acme.auth()));
        assertOk(http.post(acme.api("/apps/" + id + "/lifecycle/deactivate"), "", acme.auth()));
        assertNoContent(http.delete(acme.api("/apps/" + id), acme.auth()));

        JsonNode logs = assertOk(http.get(acme.api("/logs"), acme.auth()));

        assertThat(logs).filteredOn(event -> event.get("eventType").asText().startsWith("app."))
                .extracting(event -> event.get("eventType").asText() + " " + event.get("actor").asText() + " "
                        + event.get("target").asText() + " " + event.get("outcome").asText())
                .containsExactlyInAnyOrder(
                        "app.created " + actor + " app:" + id + " SUCCESS",
                        "app.updated " + actor + " app:" + id + " SUCCESS",
                        "app.deactivated " + actor + " app:" + id + " SUCCESS",
                        "app.activated " + actor + " app:" + id + " SUCCESS",
                        "app.deactivated " + actor + " app:" + id + " SUCCESS",
                        "app.deleted " + actor + " app:" + id + " SUCCESS");
    }

    @Test
    void refusedChanges_areNotLogged() {
        String id = createApp(http, acme, "Invoker").get("id").asText();
        assertProblem(http.delete(acme.api("/apps/" + id), acme.auth()), 409);
        assertBadRequestAt(http.put(acme.api("/apps/" + id), "{\"label\":\"\"}", acme.auth()), "/label");

        assertThat(node.query("select event_type from system_log where event_type like 'app.%'"))
                .containsExactly("app.created");
    }
}
