package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.AdminApiSupport.ID;
import static io.flowgate.bootstrap.AdminApiSupport.INSTANT;
import static io.flowgate.bootstrap.AdminApiSupport.assertBadRequestAt;
import static io.flowgate.bootstrap.AdminApiSupport.assertCreated;
import static io.flowgate.bootstrap.AdminApiSupport.assertNoContent;
import static io.flowgate.bootstrap.AdminApiSupport.assertOk;
import static io.flowgate.bootstrap.AdminApiSupport.assertProblem;
import static io.flowgate.bootstrap.AdminApiSupport.assertUnauthorized;
import static io.flowgate.bootstrap.AdminApiSupport.field;
import static io.flowgate.bootstrap.AdminApiSupport.fieldNames;
import static io.flowgate.bootstrap.AdminApiSupport.firstAdminTokenId;
import static io.flowgate.bootstrap.AdminApiSupport.nextPage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code {issuer}/api/v1/api-tokens} and admin authentication, end to end. */
class AdminApiTokensTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private Http http;
    private OrgAdmin acme;

    @BeforeEach
    void org() {
        http = node.http();
        acme = node.createOrg("acme");
    }

    private HttpResponse<String> issue(String name, String... auth) {
        return http.post(acme.api("/api-tokens"), "{\"name\":\"" + name + "\"}", auth.length == 0 ? acme.auth() : auth);
    }

    private static String[] ssws(String token) {
        return new String[] {"Authorization", "SSWS " + token};
    }

    private List<String> storedTokenRows() {
        return node.query("select t::text from admin_tokens t order by id");
    }

    @Test
    void issueToken_answers201WithTheTokenOnceNotToBeCached_andTheTokenWorks() {
        HttpResponse<String> response = issue("CI pipeline");

        JsonNode token = assertCreated(response);
        assertThat(fieldNames(token)).containsExactlyInAnyOrder("id", "name", "created", "token");
        assertThat(token.get("id").asText()).matches(ID);
        assertThat(token.get("name").asText()).isEqualTo("CI pipeline");
        assertThat(token.get("created").asText()).matches(INSTANT);
        assertThat(token.get("token").asText()).matches("[0-9A-Za-z]{40}");
        assertThat(response.headers().firstValue("Location")).hasValue(
                acme.issuer() + "/api/v1/api-tokens/" + token.get("id").asText());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertOk(http.get(acme.api("/apps"), ssws(token.get("token").asText())));
    }

    @Test
    void issuedToken_isStoredOnlyAsAHash() {
        String token = assertCreated(issue("CI")).get("token").asText();

        List<String> rows = storedTokenRows();

        assertThat(rows).hasSize(2);
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains(token));
        assertThat(rows).noneSatisfy(row -> assertThat(row).contains(acme.adminToken()));
        assertThat(node.query("select token_hash from admin_tokens")).allSatisfy(hash -> assertThat(hash).isNotBlank());
    }

    @Test
    void listTokens_showsIdsNamesAndCreation_butNeverATokenOrItsHash() {
        String token = assertCreated(issue("CI")).get("token").asText();
        List<String> hashes = node.query("select token_hash from admin_tokens");

        HttpResponse<String> response = http.get(acme.api("/api-tokens"), acme.auth());

        JsonNode tokens = assertOk(response);
        assertThat(tokens).hasSize(2);
        tokens.forEach(listed -> assertThat(fieldNames(listed)).containsExactlyInAnyOrder("id", "name", "created"));
        assertThat(field(tokens, "name")).contains("CI");
        assertThat(response.body()).doesNotContain(token, acme.adminToken());
        hashes.forEach(hash -> assertThat(response.body()).doesNotContain(hash));
    }

    @Test
    void listTokens_pagesWithALinkToTheNextPage() {
        String firstId = firstAdminTokenId(http, acme);
        String secondId = assertCreated(issue("second")).get("id").asText();
        String thirdId = assertCreated(issue("third")).get("id").asText();

        // pages are in id order
        List<String> ids = Stream.of(firstId, secondId, thirdId).sorted().toList();

        HttpResponse<String> first = http.get(acme.api("/api-tokens?limit=2"), acme.auth());
        HttpResponse<String> second = http.get(nextPage(first), acme.auth());

        assertThat(field(assertOk(first), "id")).containsExactly(ids.get(0), ids.get(1));
        assertThat(nextPage(first)).isEqualTo(acme.api("/api-tokens?limit=2&after=" + ids.get(1)));
        assertThat(field(assertOk(second), "id")).containsExactly(ids.get(2));
        assertThat(second.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void revokeToken_answers204_andTheTokenStopsWorkingAtOnce() {
        JsonNode issued = assertCreated(issue("CI"));
        String token = issued.get("token").asText();
        assertOk(http.get(acme.api("/apps"), ssws(token)));

        assertNoContent(http.delete(acme.api("/api-tokens/" + issued.get("id").asText()), acme.auth()));

        assertUnauthorized(http.get(acme.api("/apps"), ssws(token)));
        assertThat(field(assertOk(http.get(acme.api("/api-tokens"), acme.auth())), "id"))
                .doesNotContain(issued.get("id").asText());
        assertThat(node.query("select count(*) from admin_tokens")).containsExactly("1");
    }

    /** Admin tokens are looked up in the database on every request, never cached: no node lags behind. */
    @Test
    void tokenRevokedThroughOneNode_isRefusedByAnotherAtOnce() {
        JsonNode issued = assertCreated(issue("CI"));
        String[] auth = ssws(issued.get("token").asText());
        try (Flowgate other = node.anotherNode()) {
            Http otherHttp = new Http(other.port());
            assertOk(otherHttp.get(acme.api("/api-tokens"), auth));

            assertNoContent(http.delete(acme.api("/api-tokens/" + issued.get("id").asText()), acme.auth()));

            assertUnauthorized(otherHttp.get(acme.api("/api-tokens"), auth));
            assertOk(otherHttp.get(acme.api("/api-tokens"), acme.auth()));
        }
    }

    @Test
    void aTokenMayRevokeItself_whenAnotherRemains() {
        JsonNode issued = assertCreated(issue("CI"));
        String[] auth = ssws(issued.get("token").asText());

        assertNoContent(http.delete(acme.api("/api-tokens/" + issued.get("id").asText()), auth));

        assertUnauthorized(http.get(acme.api("/api-tokens"), auth));
        assertOk(http.get(acme.api("/api-tokens"), acme.auth()));
    }

    @Test
    void revokingTheOrgsLastToken_isAConflict_andTheTokenKeepsWorking() {
        String onlyId = firstAdminTokenId(http, acme);

        HttpResponse<String> response = http.delete(acme.api("/api-tokens/" + onlyId), acme.auth());

        assertProblem(response, 409);
        assertThat(field(assertOk(http.get(acme.api("/api-tokens"), acme.auth())), "id")).containsExactly(onlyId);
    }

    @Test
    void revokingTheLastTokenAfterAnotherWasRevoked_isAConflict() {
        String firstId = firstAdminTokenId(http, acme);
        JsonNode second = assertCreated(issue("CI"));
        assertNoContent(http.delete(acme.api("/api-tokens/" + firstId), acme.auth()));
        String[] secondAuth = ssws(second.get("token").asText());

        assertProblem(http.delete(acme.api("/api-tokens/" + second.get("id").asText()), secondAuth), 409);

        assertOk(http.get(acme.api("/api-tokens"), secondAuth));
    }

    /** Ten tries, as the two requests need to overlap; without a lock most tries leave the org with no token. */
    @Test
    void revokingBothOfTheLastTwoTokensAtOnce_leavesOneThatWorks() {
        for (int round = 0; round < 10; round++) {
            OrgAdmin org = node.createOrg("race-" + round);
            String firstId = firstAdminTokenId(http, org);
            JsonNode second = assertCreated(http.post(org.api("/api-tokens"), "{\"name\":\"second\"}", org.auth()));
            String secondId = second.get("id").asText();

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.delete(org.api("/api-tokens/" + firstId), org.auth()),
                    () -> http.delete(org.api("/api-tokens/" + secondId), org.auth()));

            // Exactly one revocation wins. The other is refused as the last token (409), or, when the
            // winner revoked the very token the other request authenticates with, as unauthenticated (401).
            assertThat(statuses).as("round " + round).containsOnlyOnce(204);
            assertThat(statuses).as("round " + round).allMatch(status -> status == 204 || status == 409 || status == 401);
            assertThat(Stream.of(org.adminToken(), second.get("token").asText())
                    .map(token -> http.get(org.api("/api-tokens"), ssws(token)).statusCode()))
                    .as("round " + round).containsExactlyInAnyOrder(200, 401);
        }
    }

    @Test
    void revokeUnknownToken_isNotFound_andNothingIsRevoked() {
        assertCreated(issue("CI"));

        assertProblem(http.delete(acme.api("/api-tokens/00000000000000000000"), acme.auth()), 404);
        assertProblem(http.delete(acme.api("/api-tokens/not-an-id!"), acme.auth()), 404);

        assertThat(node.query("select count(*) from admin_tokens")).containsExactly("2");
    }

    @Test
    void issueToken_withoutAName_isRefusedAt_name_andNothingIsStored() {
        assertBadRequestAt(http.post(acme.api("/api-tokens"), "{}", acme.auth()), "/name");
        assertBadRequestAt(issue("   "), "/name");
        assertBadRequestAt(http.post(acme.api("/api-tokens"), "{\"name\":7}", acme.auth()), "/name");
        assertBadRequestAt(http.post(acme.api("/api-tokens"), "{\"name\":\"a\",\"token\":\"mine\"}", acme.auth()),
                "/token");
        assertProblem(http.post(acme.api("/api-tokens"), "{\"name\":", acme.auth()), 400);

        assertThat(node.query("select count(*) from admin_tokens")).containsExactly("1");
        assertThat(node.query("select count(*) from system_log where event_type like 'org.admin_token.%'"))
                .containsExactly("0");
    }

    @Test
    void missingToken_isUnauthorizedWithAChallenge() {
        assertUnauthorized(http.get(acme.api("/api-tokens")));
        assertUnauthorized(http.post(acme.api("/api-tokens"), "{\"name\":\"x\"}"));
        assertThat(node.query("select count(*) from admin_tokens")).containsExactly("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSWS wrong-token-0123456789", "SSWS ", "Bearer %s", "Basic %s", "%s", "SSWS%s"})
    void wrongOrMalformedCredentials_areUnauthorizedWithAChallenge(String header) {
        String authorization = header.formatted(acme.adminToken());

        assertUnauthorized(http.get(acme.api("/api-tokens"), "Authorization", authorization));
        assertUnauthorized(http.post(acme.api("/api-tokens"), "{\"name\":\"x\"}", "Authorization", authorization));

        assertThat(node.query("select count(*) from admin_tokens")).containsExactly("1");
    }

    @Test
    void anotherOrgsToken_isUnauthorized_withTheSameBodyAsAWrongToken() {
        OrgAdmin other = node.createOrg("other");

        HttpResponse<String> otherOrgsToken = http.get(acme.api("/api-tokens"), other.auth());
        HttpResponse<String> wrongToken = http.get(acme.api("/api-tokens"), ssws("wrong-token-0123456789"));
        HttpResponse<String> unknownOrg = http.get("/orgs/nowhere/api/v1/api-tokens", other.auth());

        assertUnauthorized(otherOrgsToken);
        assertThat(otherOrgsToken.body()).isEqualTo(wrongToken.body()).isEqualTo(unknownOrg.body());
        assertUnauthorized(http.post(acme.api("/api-tokens"), "{\"name\":\"x\"}", other.auth()));
        assertThat(node.query("select count(*) from admin_tokens")).containsExactly("2");
    }

    @Test
    void issueAndRevoke_areLoggedWithTheActingToken() {
        String actor = "admin-token:" + firstAdminTokenId(http, acme);
        String id = assertCreated(issue("CI")).get("id").asText();
        assertNoContent(http.delete(acme.api("/api-tokens/" + id), acme.auth()));

        JsonNode logs = assertOk(http.get(acme.api("/logs"), acme.auth()));

        assertThat(logs).filteredOn(event -> event.get("eventType").asText().startsWith("org.admin_token."))
                .extracting(event -> event.get("eventType").asText() + " " + event.get("actor").asText() + " "
                        + event.get("target").asText() + " " + event.get("outcome").asText())
                .containsExactlyInAnyOrder(
                        "org.admin_token.created " + actor + " admin-token:" + id + " SUCCESS",
                        "org.admin_token.revoked " + actor + " admin-token:" + id + " SUCCESS");
    }
}
