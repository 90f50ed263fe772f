package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Collections;
import java.util.Date;
import java.util.UUID;

/**
 * The seed procedure of an invocation, step by step through the admin API and the token endpoint:
 * an app with a generated key and the invoke scope, a flow, a token. Shared by the invoke tests.
 */
final class InvokeSeed {

    static final String INVOKE_SCOPE = "okta.workflows.invoke.manage";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** An API service app and the private half of its generated key. */
    record Client(String id, RSAKey privateKey) {
    }

    /** A flow as created, with the path of its invoke URL on the node. */
    record Flow(String id, String alias, String invokePath) {
    }

    private final Http http;

    InvokeSeed(Http http) {
        this.http = http;
    }

    /** An app with a generated RS256 key and the invoke scope granted. */
    Client client(RunningNode.OrgAdmin org) {
        Client client = clientWithoutGrant(org);
        grant(org, client, INVOKE_SCOPE);
        return client;
    }

    Client clientWithoutGrant(RunningNode.OrgAdmin org) {
        HttpResponse<String> app = http.post(org.api("/apps"), "{\"label\":\"Invoker\"}", org.auth());
        assertThat(app.statusCode()).as(app.body()).isEqualTo(201);
        String appId = json(app).get("id").asText();
        HttpResponse<String> key = http.post(org.api("/apps/" + appId + "/credentials/jwks/generate"),
                "{\"alg\":\"RS256\"}", org.auth());
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        try {
            return new Client(appId, RSAKey.parse(json(key).get("privateJwk").toString()));
        } catch (ParseException e) {
            throw new IllegalStateException("the generated private JWK does not parse", e);
        }
    }

    void grant(RunningNode.OrgAdmin org, Client client, String scope) {
        HttpResponse<String> grant = http.post(org.api("/apps/" + client.id() + "/grants"),
                "{\"scopeId\":\"" + scope + "\"}", org.auth());
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
    }

    /** Creates an active flow with this definition; new flows are secured with OAuth 2.0, any app. */
    Flow flow(RunningNode.OrgAdmin org, String definition) {
        HttpResponse<String> created = http.post(org.api("/flows"),
                "{\"name\":\"Flow under test\",\"definition\":" + definition + "}", org.auth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode flow = json(created);
        return new Flow(flow.get("id").asText(), flow.get("aliases").get(0).asText(),
                URI.create(flow.get("invokeUrl").asText()).getPath());
    }

    void addAlias(RunningNode.OrgAdmin org, Flow flow, String alias) {
        HttpResponse<String> added = http.post(org.api("/flows/" + flow.id() + "/aliases"),
                "{\"alias\":\"" + alias + "\"}", org.auth());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    /** Replaces the flow's endpoint settings; the answer holds {@code clientToken} when one was made. */
    JsonNode endpoint(RunningNode.OrgAdmin org, Flow flow, String settings) {
        HttpResponse<String> changed = http.put(org.api("/flows/" + flow.id() + "/endpoint"), settings,
                org.auth());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        return json(changed);
    }

    /** An access token with the invoke scope, from the org's token endpoint. */
    String token(RunningNode.OrgAdmin org, Client client) {
        return token(org, client, INVOKE_SCOPE);
    }

    String token(RunningNode.OrgAdmin org, Client client, String scope) {
        HttpResponse<String> response = http.postForm("/orgs/" + org.slug() + "/oauth2/v1/token",
                "grant_type=client_credentials&scope=" + scope
                        + "&client_assertion_type=" + URLEncoder.encode(ASSERTION_TYPE, StandardCharsets.UTF_8)
                        + "&client_assertion=" + assertion(client, org.issuer() + "/oauth2/v1/token"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    /** A client assertion (RFC 7523) for the given audience, valid for five minutes. */
    static String assertion(Client client, String audience) {
        Date now = new Date();
        SignedJWT assertion = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(client.privateKey().getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(client.id()).subject(client.id())
                        .audience(audience)
                        .issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                        .jwtID(UUID.randomUUID().toString()).build());
        try {
            assertion.sign(new RSASSASigner(client.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a client assertion failed", e);
        }
        return assertion.serialize();
    }

    /** Asks the org's introspection endpoint (RFC 7662) about a token, authenticated as the client. */
    HttpResponse<String> introspect(RunningNode.OrgAdmin org, Client client, String token) {
        return http.postForm("/orgs/" + org.slug() + "/oauth2/v1/introspect", "token=" + token
                + "&client_assertion_type=" + URLEncoder.encode(ASSERTION_TYPE, StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion(client, org.issuer() + "/oauth2/v1/introspect"));
    }

    /** Revokes the client's own token at the org's revocation endpoint (RFC 7009). */
    void revoke(RunningNode.OrgAdmin org, Client client, String token) {
        HttpResponse<String> response = http.postForm("/orgs/" + org.slug() + "/oauth2/v1/revoke",
                "token=" + token
                        + "&client_assertion_type=" + URLEncoder.encode(ASSERTION_TYPE, StandardCharsets.UTF_8)
                        + "&client_assertion=" + assertion(client, org.issuer() + "/oauth2/v1/revoke"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The most rounds {@link #busySteps} can run under the 1 MiB bound on a run's outputs: about 2.4 s on a fast machine. */
    static final int MOST_BUSY_ROUNDS = 7_300;

    /**
     * Steps that keep a flow busy for a while: the SHA-256 of a 512 KiB text, {@code rounds} times
     * (0.3 ms or more each), within the run's bounds on steps and output: each round adds 66 bytes of
     * output to the text's 512 KiB, so at most {@link #MOST_BUSY_ROUNDS}. The last is {@code id}.
     */
    static String busySteps(String id, int rounds) {
        return """
                {"id":"%1$s_piece","card":"text.concat","in":{"values":["%2$s"]}},
                {"id":"%1$s_chunk","card":"text.concat","in":{"values":%3$s}},
                {"id":"%1$s_text","card":"text.concat","in":{"values":%4$s}},
                {"id":"%1$s","card":"flow.for_each","in":{"list":%5$s},
                 "do":[{"id":"%1$s_hash","card":"hash.sha256","in":{"text":"{{%1$s_text}}"}}]}"""
                .formatted(id, "x".repeat(1024), templates(id + "_piece", 32), templates(id + "_chunk", 16),
                        "[" + "0,".repeat(rounds - 1) + "0]");
    }

    /** A JSON list of {@code times} templates {@code "{{name}}"}. */
    private static String templates(String name, int times) {
        return "[" + String.join(",", Collections.nCopies(times, "\"{{" + name + "}}\"")) + "]";
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
