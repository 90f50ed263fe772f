package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Introspection (RFC 7662), revocation (RFC 7009) and signing-key rotation, end to end. */
class TokenLifecycleTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private final InvokeSeed seed = new InvokeSeed(node.http());

    private static final String RETURN_OK = """
            {"steps":[{"id":"done","card":"flow.return","in":{"body":{"ok":true}}}]}""";

    /** A request to the org's introspection or revocation endpoint with this client assertion. */
    private static HttpResponse<String> ask(RunningNode.OrgAdmin org, String endpoint, String token, String assertion,
                                            String... headers) {
        return node.http().postForm("/orgs/" + org.slug() + "/oauth2/v1/" + endpoint, "token=" + token
                + "&client_assertion_type=" + URLEncoder.encode(InvokeSeed.ASSERTION_TYPE, StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion, headers);
    }

    private static void lifecycle(RunningNode.OrgAdmin org, InvokeSeed.Client client, String operation) {
        HttpResponse<String> changed = node.http().post(org.api("/apps/" + client.id() + "/lifecycle/" + operation),
                "", org.auth());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void ownToken_isActive_withItsClaims() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        String token = seed.token(acme, client);

        HttpResponse<String> response = seed.introspect(acme, client, token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("client_id").asText()).isEqualTo(client.id());
        assertThat(body.get("scope").asText()).isEqualTo(InvokeSeed.INVOKE_SCOPE);
        assertThat(body.get("iss").asText()).isEqualTo(acme.issuer());
        assertThat(body.get("exp").asLong() - body.get("iat").asLong()).isEqualTo(3600);
    }

    /** The invoke endpoint counts only scopes the app still holds; introspection says the same. */
    @Test
    void tokenWhoseGrantWasRemoved_isIntrospectedWithoutThatScope() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        String token = seed.token(acme, client);
        String grants = acme.api("/apps/" + client.id() + "/grants");
        String grantId = json(node.http().get(grants, acme.auth())).get(0).get("id").asText();
        assertThat(node.http().delete(grants + "/" + grantId, acme.auth()).statusCode()).isEqualTo(204);

        JsonNode body = json(seed.introspect(acme, client, token));

        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.has("scope")).as(body.toString()).isFalse();
        assertThat(body.get("client_id").asText()).isEqualTo(client.id());
    }

    @Test
    void anotherClientsToken_garbage_andARevokedToken_areInactive() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client owner = seed.client(acme);
        InvokeSeed.Client other = seed.client(acme);
        String token = seed.token(acme, owner);

        assertThat(json(seed.introspect(acme, other, token))).hasToString("{\"active\":false}");
        assertThat(json(seed.introspect(acme, owner, "not-a-token"))).hasToString("{\"active\":false}");

        seed.revoke(acme, other, token);
        assertThat(json(seed.introspect(acme, owner, token)).get("active").asBoolean())
                .as("another client cannot revoke the token").isTrue();

        seed.revoke(acme, owner, token);
        assertThat(json(seed.introspect(acme, owner, token))).hasToString("{\"active\":false}");
        assertThat(node.query("select count(*) from revoked_tokens")).containsExactly("1");
    }

    @Test
    void introspectionWithoutClientAuthentication_isA401InvalidClient() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        String token = seed.token(acme, seed.client(acme));

        HttpResponse<String> response = node.http().postForm("/orgs/acme/oauth2/v1/introspect", "token=" + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void assertionMadeForTheTokenEndpoint_isRefusedAtIntrospectionAndRevocation() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        String token = seed.token(acme, client);
        String tokenEndpoint = acme.issuer() + "/oauth2/v1/token";

        HttpResponse<String> introspection = ask(acme, "introspect", token, InvokeSeed.assertion(client, tokenEndpoint));
        HttpResponse<String> revocation = ask(acme, "revoke", token, InvokeSeed.assertion(client, tokenEndpoint));

        for (HttpResponse<String> refused : List.of(introspection, revocation)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(json(refused).get("error").asText()).isEqualTo("invalid_client");
            assertThat(json(refused).get("error_description").asText()).startsWith("aud must be exactly one of");
        }
        assertThat(json(seed.introspect(acme, client, token)).get("active").asBoolean())
                .as("the refused revocation revoked nothing").isTrue();
    }

    @Test
    void introspectionAssertionSentTwice_isRefusedTheSecondTime() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        String token = seed.token(acme, client);
        String assertion = InvokeSeed.assertion(client, acme.issuer() + "/oauth2/v1/introspect");
        assertThat(ask(acme, "introspect", token, assertion).statusCode()).isEqualTo(200);

        HttpResponse<String> replayed = ask(acme, "introspect", token, assertion);

        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(json(replayed).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(replayed).get("error_description").asText()).contains("already used");
    }

    @Test
    void basicCredentialsBesidesTheAssertion_isAnInvalidRequestAtIntrospectionAndRevocation() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        String token = seed.token(acme, client);
        String basic = "Basic " + Base64.getEncoder().encodeToString((client.id() + ":secret")
                .getBytes(StandardCharsets.UTF_8));

        for (String endpoint : List.of("introspect", "revoke")) {
            HttpResponse<String> refused = ask(acme, endpoint, token,
                    InvokeSeed.assertion(client, acme.issuer() + "/oauth2/v1/" + endpoint), "Authorization", basic);

            assertThat(refused.statusCode()).as(endpoint).isEqualTo(400);
            assertThat(json(refused).get("error").asText()).isEqualTo("invalid_request");
        }
        assertThat(json(seed.introspect(acme, client, token)).get("active").asBoolean()).isTrue();
    }

    @Test
    void inactiveApp_cannotIntrospectOrRevoke() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        String token = seed.token(acme, client);
        lifecycle(acme, client, "deactivate");

        for (String endpoint : List.of("introspect", "revoke")) {
            HttpResponse<String> refused = ask(acme, endpoint, token,
                    InvokeSeed.assertion(client, acme.issuer() + "/oauth2/v1/" + endpoint));

            assertThat(refused.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(json(refused).get("error").asText()).isEqualTo("invalid_client");
        }
        lifecycle(acme, client, "activate");
        assertThat(json(seed.introspect(acme, client, token)).get("active").asBoolean())
                .as("the refused revocation revoked nothing").isTrue();
    }

    @Test
    void signingKeys_areCacheableForFiveMinutes() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");

        HttpResponse<String> keys = node.http().get("/orgs/" + acme.slug() + "/oauth2/v1/keys");

        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.headers().allValues("Cache-Control")).containsExactly("max-age=300");
        assertThat(keys.headers().allValues("Pragma")).isEmpty();
    }

    @Test
    void rotation_keepsEarlierTokensWorking_andSignsNewOnesWithTheNewKey() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        InvokeSeed.Flow flow = seed.flow(acme, RETURN_OK);
        String before = seed.token(acme, client);

        HttpResponse<String> rotated = node.http().post(acme.api("/authorization-server/keys/rotate"),
                "{\"alg\":\"ES256\"}", acme.auth());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String after = seed.token(acme, client);

        JsonNode keys = json(node.http().get("/orgs/acme/oauth2/v1/keys"));
        assertThat(keys.get("keys")).extracting(key -> key.get("alg").asText()).containsExactly("ES256", "RS256");
        JsonNode listed = json(node.http().get(acme.api("/authorization-server/keys"), acme.auth()));
        assertThat(listed).extracting(key -> key.get("status").asText()).containsExactly("ACTIVE", "PREVIOUS");
        for (String token : new String[] {before, after}) {
            assertThat(node.http().post(flow.invokePath(), "{}", InvokeSeed.bearer(token)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(after.substring(0, after.indexOf('.'))).isNotEqualTo(before.substring(0, before.indexOf('.')));
    }

    @Test
    void supersededKey_stopsVerifyingOnceTheOverlapHasPassed_withoutAnotherRotation() throws InterruptedException {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        InvokeSeed.Flow flow = seed.flow(acme, RETURN_OK);
        String before = seed.token(acme, client);
        HttpResponse<String> rotated = node.http().post(acme.api("/authorization-server/keys/rotate"), "{}",
                acme.auth());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(json(seed.introspect(acme, client, before)).get("active").asBoolean()).isTrue();

        // The overlap (token lifetime plus clock skew, 61 minutes here) passes: the key was superseded two hours ago.
        node.update("update signing_keys set status_changed = now() - interval '2 hours'"
                + " where status = 'PREVIOUS' and org_id = '" + acme.id() + "'");
        node.query("select pg_notify('flowgate_changes', '" + acme.id() + "')");
        Instant giveUp = Instant.now().plusSeconds(10);
        while (json(node.http().get("/orgs/acme/oauth2/v1/keys")).get("keys").size() > 1
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }

        assertThat(json(node.http().get("/orgs/acme/oauth2/v1/keys")).get("keys")).hasSize(1);
        assertThat(json(node.http().get(acme.api("/authorization-server/keys"), acme.auth())))
                .extracting(key -> key.get("status").asText()).containsExactly("ACTIVE");
        assertThat(json(seed.introspect(acme, client, before))).hasToString("{\"active\":false}");
        assertThat(node.http().post(flow.invokePath(), "{}", InvokeSeed.bearer(before)).statusCode()).isEqualTo(401);
        assertThat(node.http().post(flow.invokePath(), "{}", InvokeSeed.bearer(seed.token(acme, client)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void rotationRefusesAnUnknownAlgorithm_andChangesNothing() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");

        HttpResponse<String> refused = node.http().post(acme.api("/authorization-server/keys/rotate"),
                "{\"alg\":\"HS256\"}", acme.auth());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(node.http().get(acme.api("/authorization-server/keys"), acme.auth()))).hasSize(1);
    }
}
