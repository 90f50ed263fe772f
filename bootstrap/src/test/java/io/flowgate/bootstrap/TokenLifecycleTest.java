package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Introspection (RFC 7662), revocation (RFC 7009) and signing-key rotation, end to end. */
class TokenLifecycleTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private final InvokeSeed seed = new InvokeSeed(node.http());

    private static final String RETURN_OK = """
            {"steps":[{"id":"done","card":"flow.return","in":{"body":{"ok":true}}}]}""";

    private HttpResponse<String> introspect(RunningNode.OrgAdmin org, InvokeSeed.Client client, String token) {
        return node.http().postForm("/orgs/" + org.slug() + "/oauth2/v1/introspect", "token=" + token
                + "&client_assertion_type=" + URLEncoder.encode(InvokeSeed.ASSERTION_TYPE, StandardCharsets.UTF_8)
                + "&client_assertion=" + InvokeSeed.assertion(client, org.issuer() + "/oauth2/v1/introspect"));
    }

    @Test
    void ownToken_isActive_withItsClaims() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        String token = seed.token(acme, client);

        HttpResponse<String> response = introspect(acme, client, token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("client_id").asText()).isEqualTo(client.id());
        assertThat(body.get("scope").asText()).isEqualTo(InvokeSeed.INVOKE_SCOPE);
        assertThat(body.get("iss").asText()).isEqualTo(acme.issuer());
        assertThat(body.get("exp").asLong() - body.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void anotherClientsToken_garbage_andARevokedToken_areInactive() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client owner = seed.client(acme);
        InvokeSeed.Client other = seed.client(acme);
        String token = seed.token(acme, owner);

        assertThat(json(introspect(acme, other, token))).hasToString("{\"active\":false}");
        assertThat(json(introspect(acme, owner, "not-a-token"))).hasToString("{\"active\":false}");

        seed.revoke(acme, other, token);
        assertThat(json(introspect(acme, owner, token)).get("active").asBoolean())
                .as("another client cannot revoke the token").isTrue();

        seed.revoke(acme, owner, token);
        assertThat(json(introspect(acme, owner, token))).hasToString("{\"active\":false}");
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
    void rotationRefusesAnUnknownAlgorithm_andChangesNothing() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");

        HttpResponse<String> refused = node.http().post(acme.api("/authorization-server/keys/rotate"),
                "{\"alg\":\"HS256\"}", acme.auth());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(node.http().get(acme.api("/authorization-server/keys"), acme.auth()))).hasSize(1);
    }
}
