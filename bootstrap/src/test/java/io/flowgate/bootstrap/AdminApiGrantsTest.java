package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.AdminApiSupport.ID;
import static io.flowgate.bootstrap.AdminApiSupport.INSTANT;
import static io.flowgate.bootstrap.AdminApiSupport.INVOKE_SCOPE;
import static io.flowgate.bootstrap.AdminApiSupport.assertBadRequestAt;
import static io.flowgate.bootstrap.AdminApiSupport.assertNoContent;
import static io.flowgate.bootstrap.AdminApiSupport.assertOk;
import static io.flowgate.bootstrap.AdminApiSupport.assertProblem;
import static io.flowgate.bootstrap.AdminApiSupport.assertUnauthorized;
import static io.flowgate.bootstrap.AdminApiSupport.createApp;
import static io.flowgate.bootstrap.AdminApiSupport.field;
import static io.flowgate.bootstrap.AdminApiSupport.fieldNames;
import static io.flowgate.bootstrap.AdminApiSupport.firstAdminTokenId;
import static io.flowgate.bootstrap.AdminApiSupport.grant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code {issuer}/api/v1/scopes} and {@code {issuer}/api/v1/apps/{appId}/grants}, end to end. */
class AdminApiGrantsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String UNKNOWN_ID = "00000000000000000000";

    private Http http;
    private OrgAdmin acme;
    private String appId;

    @BeforeEach
    void orgWithApp() {
        http = node.http();
        acme = node.createOrg("acme");
        appId = createApp(http, acme, "Invoker").get("id").asText();
    }

    private String grants() {
        return acme.api("/apps/" + appId + "/grants");
    }

    private List<String> storedGrants() {
        return node.query("select t::text from scope_grants t order by id");
    }

    @Test
    void scopeCatalog_holdsTheInvokeScope() {
        JsonNode scopes = assertOk(http.get(acme.api("/scopes"), acme.auth()));

        assertThat(field(scopes, "id")).contains(INVOKE_SCOPE);
        JsonNode invoke = scopes.get(field(scopes, "id").indexOf(INVOKE_SCOPE));
        assertThat(invoke.get("name").asText()).isEqualTo(INVOKE_SCOPE);
        assertThat(invoke.get("description").asText()).isNotBlank();
    }

    @Test
    void scopeCatalog_needsAnAdminTokenOfTheOrg() {
        OrgAdmin other = node.createOrg("other");

        assertUnauthorized(http.get(acme.api("/scopes")));
        assertUnauthorized(http.get(acme.api("/scopes"), other.auth()));
    }

    @Test
    void grantScope_answers201WithExactlyTheDesignedShape() {
        HttpResponse<String> response = http.post(grants(), "{\"scopeId\":\"" + INVOKE_SCOPE + "\"}", acme.auth());

        JsonNode grant = AdminApiSupport.assertCreated(response);
        assertThat(fieldNames(grant)).containsExactlyInAnyOrder("id", "clientId", "scopeId", "status", "created");
        assertThat(grant.get("id").asText()).matches(ID);
        assertThat(grant.get("clientId").asText()).isEqualTo(appId);
        assertThat(grant.get("scopeId").asText()).isEqualTo(INVOKE_SCOPE);
        assertThat(grant.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(grant.get("created").asText()).matches(INSTANT);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(acme.issuer() + "/api/v1/apps/" + appId + "/grants/" + grant.get("id").asText());
        assertThat(storedGrants()).hasSize(1);
    }

    @Test
    void grant_isListedAndReadable_asTheGrantAnsweredIt() {
        JsonNode grant = grant(http, acme, appId, INVOKE_SCOPE);

        JsonNode listed = assertOk(http.get(grants(), acme.auth()));
        JsonNode read = assertOk(http.get(grants() + "/" + grant.get("id").asText(), acme.auth()));

        assertThat(listed).containsExactly(grant);
        assertThat(read).isEqualTo(grant);
    }

    @Test
    void grantsOfAnotherApp_areNotListedUnderThisOne() {
        String otherApp = createApp(http, acme, "Other").get("id").asText();
        grant(http, acme, otherApp, INVOKE_SCOPE);

        assertThat(assertOk(http.get(grants(), acme.auth()))).isEmpty();
    }

    @Test
    void duplicateGrant_isAConflict_andOnlyTheFirstIsStored() {
        JsonNode first = grant(http, acme, appId, INVOKE_SCOPE);
        List<String> before = storedGrants();

        assertProblem(http.post(grants(), "{\"scopeId\":\"" + INVOKE_SCOPE + "\"}", acme.auth()), 409);

        assertThat(storedGrants()).isEqualTo(before);
        assertThat(assertOk(http.get(grants(), acme.auth()))).containsExactly(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"scopeId\":\"okta.users.read\"}", "{\"scopeId\":\"openid\"}",
            "{\"scopeId\":\"OKTA.WORKFLOWS.INVOKE.MANAGE\"}", "{\"scopeId\":\"not a scope!\"}", "{\"scopeId\":\"\"}",
            "{}", "{\"scopeId\":null}", "{\"scopeId\":1}", "{\"scopeId\":[\"okta.workflows.invoke.manage\"]}"})
    void grantWithAnUnknownOrBadScope_isABadRequestAt_scopeId_andNothingIsStored(String body) {
        assertBadRequestAt(http.post(grants(), body, acme.auth()), "/scopeId");

        assertThat(storedGrants()).isEmpty();
        assertThat(node.query("select count(*) from system_log where event_type like 'app.grant.%'"))
                .containsExactly("0");
    }

    @Test
    void grantWithAnUnknownField_orMalformedJson_isABadRequest_andNothingIsStored() {
        assertBadRequestAt(http.post(grants(), "{\"scopeId\":\"" + INVOKE_SCOPE + "\",\"status\":\"ACTIVE\"}",
                acme.auth()), "/status");
        assertProblem(http.post(grants(), "{\"scopeId\":", acme.auth()), 400);
        assertProblem(http.post(grants(), "", acme.auth()), 400);

        assertThat(storedGrants()).isEmpty();
    }

    @Test
    void revokeGrant_answers204_andTheGrantIsGone() {
        String id = grant(http, acme, appId, INVOKE_SCOPE).get("id").asText();

        assertNoContent(http.delete(grants() + "/" + id, acme.auth()));

        assertProblem(http.get(grants() + "/" + id, acme.auth()), 404);
        assertThat(assertOk(http.get(grants(), acme.auth()))).isEmpty();
        assertThat(storedGrants()).isEmpty();
        assertProblem(http.delete(grants() + "/" + id, acme.auth()), 404);
    }

    @Test
    void revokedScope_canBeGrantedAgain() {
        String first = grant(http, acme, appId, INVOKE_SCOPE).get("id").asText();
        assertNoContent(http.delete(grants() + "/" + first, acme.auth()));

        JsonNode again = grant(http, acme, appId, INVOKE_SCOPE);

        assertThat(again.get("id").asText()).isNotEqualTo(first);
        assertThat(field(assertOk(http.get(grants(), acme.auth())), "id")).containsExactly(again.get("id").asText());
    }

    @Test
    void unknownApp_isNotFoundOnEveryGrantRoute_andNothingIsStored() {
        String grantId = grant(http, acme, appId, INVOKE_SCOPE).get("id").asText();
        List<String> before = storedGrants();

        for (String app : List.of(UNKNOWN_ID, "not-an-id!")) {
            String path = acme.api("/apps/" + app + "/grants");
            assertProblem(http.get(path, acme.auth()), 404);
            assertProblem(http.post(path, "{\"scopeId\":\"" + INVOKE_SCOPE + "\"}", acme.auth()), 404);
            assertProblem(http.get(path + "/" + grantId, acme.auth()), 404);
            assertProblem(http.delete(path + "/" + grantId, acme.auth()), 404);
        }

        assertThat(storedGrants()).isEqualTo(before);
    }

    @Test
    void unknownGrant_isNotFound_andNothingIsRevoked() {
        grant(http, acme, appId, INVOKE_SCOPE);
        List<String> before = storedGrants();

        for (String grantId : List.of(UNKNOWN_ID, "not-an-id!")) {
            assertProblem(http.get(grants() + "/" + grantId, acme.auth()), 404);
            assertProblem(http.delete(grants() + "/" + grantId, acme.auth()), 404);
        }

        assertThat(storedGrants()).isEqualTo(before);
    }

    @Test
    void aGrantIsAddressedUnderItsOwnApp_only() {
        String grantId = grant(http, acme, appId, INVOKE_SCOPE).get("id").asText();
        String otherApp = createApp(http, acme, "Other").get("id").asText();
        String otherPath = acme.api("/apps/" + otherApp + "/grants/" + grantId);
        List<String> before = storedGrants();

        assertProblem(http.get(otherPath, acme.auth()), 404);
        assertProblem(http.delete(otherPath, acme.auth()), 404);

        assertThat(storedGrants()).isEqualTo(before);
    }

    @Test
    void grantAndRevoke_areLoggedWithTheActingToken() {
        String actor = "admin-token:" + firstAdminTokenId(http, acme);
        String id = grant(http, acme, appId, INVOKE_SCOPE).get("id").asText();
        assertNoContent(http.delete(grants() + "/" + id, acme.auth()));

        JsonNode logs = assertOk(http.get(acme.api("/logs"), acme.auth()));

        String target = "app:" + appId + "/grant:" + id + " " + INVOKE_SCOPE;
        assertThat(logs).filteredOn(event -> event.get("eventType").asText().startsWith("app.grant."))
                .extracting(event -> event.get("eventType").asText() + " " + event.get("actor").asText() + " "
                        + event.get("target").asText())
                .containsExactlyInAnyOrder(
                        "app.grant.created " + actor + " " + target,
                        "app.grant.deleted " + actor + " " + target);
    }
}
