package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.text.ParseException;

/**
 * An API service app set up through the admin API, and what its operator keeps: the private halves
 * of its keys. The app's first key is generated with the given algorithm.
 */
final class ApiClient {

    static final String SCOPE = "okta.workflows.invoke.manage";

    /** One of the app's keys: its admin API id, its kid, and its private half as JWK and as PKCS#8 PEM. */
    record Key(String id, String kid, JWK privateJwk, String privateKeyPem) {
    }

    private final RunningNode node;
    private final OrgAdmin org;
    private final String clientId;
    private final Key key;

    private ApiClient(RunningNode node, OrgAdmin org, String clientId, Key key) {
        this.node = node;
        this.org = org;
        this.clientId = clientId;
        this.key = key;
    }

    /** An app with one generated key and the grant of {@value #SCOPE}: ready to get tokens. */
    static ApiClient register(RunningNode node, OrgAdmin org, String alg) {
        ApiClient client = registerWithoutGrant(node, org, alg);
        client.grant(SCOPE);
        return client;
    }

    /** An app with one generated key and no scope granted. */
    static ApiClient registerWithoutGrant(RunningNode node, OrgAdmin org, String alg) {
        HttpResponse<String> app = node.http().post(org.api("/apps"), "{\"label\":\"Invoker\"}", org.auth());
        assertThat(app.statusCode()).as(app.body()).isEqualTo(201);
        String clientId = Http.json(app).get("clientId").asText();
        return new ApiClient(node, org, clientId, generateKey(node, org, clientId, alg));
    }

    OrgAdmin org() {
        return org;
    }

    String clientId() {
        return clientId;
    }

    /** The first key, generated at registration. */
    Key key() {
        return key;
    }

    /** The URL an assertion names as its audience: the org's token endpoint as the public sees it. */
    String tokenEndpoint() {
        return org.issuer() + "/oauth2/v1/token";
    }

    /** The path the test sends token requests to on the node. */
    String tokenPath() {
        return "/orgs/" + org.slug() + "/oauth2/v1/token";
    }

    /** An assertion with every rule satisfied, signed with the first key; change what a test needs. */
    Assertion assertion() {
        return new Assertion(clientId, tokenEndpoint(), key);
    }

    Key addKey(String alg) {
        return generateKey(node, org, clientId, alg);
    }

    void grant(String scope) {
        HttpResponse<String> grant = node.http().post(org.api("/apps/" + clientId + "/grants"),
                "{\"scopeId\":\"" + scope + "\"}", org.auth());
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
    }

    void deactivate() {
        lifecycle(org.api("/apps/" + clientId + "/lifecycle/deactivate"));
    }

    void deactivate(Key key) {
        lifecycle(org.api("/apps/" + clientId + "/credentials/jwks/" + key.id() + "/lifecycle/deactivate"));
    }

    /** The app as the admin API shows it now. */
    JsonNode read() {
        HttpResponse<String> app = node.http().get(org.api("/apps/" + clientId), org.auth());
        assertThat(app.statusCode()).isEqualTo(200);
        return Http.json(app);
    }

    private void lifecycle(String path) {
        HttpResponse<String> response = node.http().post(path, "", org.auth());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Key generateKey(RunningNode node, OrgAdmin org, String clientId, String alg) {
        HttpResponse<String> generated = node.http().post(org.api("/apps/" + clientId + "/credentials/jwks/generate"),
                "{\"alg\":\"" + alg + "\"}", org.auth());
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode key = Http.json(generated);
        try {
            return new Key(key.get("id").asText(), key.get("kid").asText(), JWK.parse(key.get("privateJwk").toString()),
                    key.get("privateKeyPem").asText());
        } catch (ParseException e) {
            throw new IllegalStateException("the generated private JWK does not parse", e);
        }
    }
}
