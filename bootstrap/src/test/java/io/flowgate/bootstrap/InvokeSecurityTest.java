package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static io.flowgate.bootstrap.InvokeSeed.INVOKE_SCOPE;
import static io.flowgate.bootstrap.InvokeSeed.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.adapter.out.oauth.AesGcmKeyEncryption;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may invoke a flow, over real HTTP: every refusal answers the right status and challenge,
 * reflects nothing of the request, runs nothing, and leaves an {@code invoke.denied} entry with
 * its reason in the system log.
 */
class InvokeSecurityTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private final InvokeSeed seed = new InvokeSeed(node.http());

    /** Sent with every request as a query parameter and a header; no answer may contain it. */
    private static final String PROBE = "probe-7f3a9c";
    private static final String EXECUTION_ID = "x-flowgate-execution-id";
    private static final String CHALLENGE = "Bearer realm=\"flowgate\"";
    private static final String INVALID_TOKEN = "Bearer realm=\"flowgate\", error=\"invalid_token\"";
    private static final String CALLER_FLOW = """
            {"steps":[{"id":"done","card":"flow.return","in":{"body":{"caller":"{{caller}}"}}}]}""";

    // ---- OAuth 2.0: presenting a token

    @Test
    void noToken_isA401WithTheBareChallenge() {
        Setup acme = setup("acme");

        refused(() -> invoke(acme.flow()), 401, CHALLENGE, "token_missing");
        refused(() -> invoke(acme.flow(), "Authorization", "Basic " + PROBE), 401, CHALLENGE, "token_missing");
    }

    @Test
    void bearerWithoutAToken_isA400InvalidRequest() {
        Setup acme = setup("acme");
        String invalidRequest = "Bearer realm=\"flowgate\", error=\"invalid_request\"";

        refused(() -> invoke(acme.flow(), "Authorization", "Bearer"), 400, invalidRequest, "token_malformed");
        refused(() -> invoke(acme.flow(), "Authorization", "Bearer " + PROBE + " " + PROBE), 400, invalidRequest,
                "token_malformed");
    }

    @Test
    void garbageToken_isA401InvalidToken() {
        Setup acme = setup("acme");
        String garbage = "garbage." + PROBE + ".token";

        refused(() -> invoke(acme.flow(), bearer(garbage)), 401, INVALID_TOKEN, "token_invalid", garbage);
    }

    @Test
    void tokenMadeWithTheOrgsOwnKey_isAccepted_soEachForgedRefusalBelowIsAboutOneClaim() {
        Setup acme = setup("acme");

        String token = sign(accessTokenHeader(orgSigningKey(acme.org())), claims(acme).build(),
                orgSigningKey(acme.org()));

        assertThat(invoke(acme.flow(), bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredToken_isA401InvalidToken() {
        Setup acme = setup("acme");
        RSAKey orgKey = orgSigningKey(acme.org());
        Instant hourAgo = Instant.now().minusSeconds(3600);
        String expired = sign(accessTokenHeader(orgKey), claims(acme).issueTime(Date.from(hourAgo))
                .expirationTime(Date.from(hourAgo.plusSeconds(600))).build(), orgKey);

        refused(() -> invoke(acme.flow(), bearer(expired)), 401, INVALID_TOKEN, "token_invalid", expired);
    }

    @Test
    void tokenExpiredWithinTheClockSkew_isRefused_andIntrospectionCallsItInactive() {
        Setup acme = setup("acme");
        RSAKey orgKey = orgSigningKey(acme.org());
        Instant now = Instant.now();
        String current = sign(accessTokenHeader(orgKey), claims(acme).build(), orgKey);
        String justExpired = sign(accessTokenHeader(orgKey), claims(acme).issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(20))).build(), orgKey);

        refused(() -> invoke(acme.flow(), bearer(justExpired)), 401, INVALID_TOKEN, "token_invalid", justExpired);
        assertThat(json(seed.introspect(acme.org(), acme.client(), justExpired))).hasToString("{\"active\":false}");
        assertThat(json(seed.introspect(acme.org(), acme.client(), current)).get("active").asBoolean()).isTrue();
    }

    @Test
    void tokenThatExpiresAfterItWasUsed_isRefusedOnceExpired_thoughItsSignatureWasCached() throws Exception {
        Setup acme = setup("acme");
        RSAKey orgKey = orgSigningKey(acme.org());
        Instant expiry = Instant.now().plusSeconds(2);
        String shortLived = sign(accessTokenHeader(orgKey), claims(acme).expirationTime(Date.from(expiry)).build(),
                orgKey);
        assertThat(invoke(acme.flow(), bearer(shortLived)).statusCode()).isEqualTo(200);

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1_100);

        refused(() -> invoke(acme.flow(), bearer(shortLived)), 401, INVALID_TOKEN, "token_invalid", shortLived);
    }

    @Test
    void tokenSignedByAForeignKeyWithTheOrgsKid_isA401InvalidToken() throws Exception {
        Setup acme = setup("acme");
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(orgSigningKey(acme.org()).getKeyID()).generate();
        String forged = sign(accessTokenHeader(foreign), claims(acme).build(), foreign);
        Instant past = Instant.now().minusSeconds(3600);
        String forgedAndExpired = sign(accessTokenHeader(foreign), claims(acme).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60))).build(), foreign);

        refused(() -> invoke(acme.flow(), bearer(forged)), 401, INVALID_TOKEN, "token_invalid", forged);
        refused(() -> invoke(acme.flow(), bearer(forgedAndExpired)), 401, INVALID_TOKEN, "token_invalid",
                forgedAndExpired);
    }

    @Test
    void unsecuredToken_algNone_isA401InvalidToken() {
        Setup acme = setup("acme");
        String unsecured = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt"))
                .customParam("kid", orgSigningKey(acme.org()).getKeyID()).build(), claims(acme).build()).serialize();

        refused(() -> invoke(acme.flow(), bearer(unsecured)), 401, INVALID_TOKEN, "token_invalid", unsecured);
    }

    @Test
    void tokenMacedWithTheOrgsPublicKey_isA401InvalidToken() throws Exception {
        Setup acme = setup("acme");
        RSAKey orgKey = orgSigningKey(acme.org());
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("at+jwt")).keyID(orgKey.getKeyID()).build(), claims(acme).build());
        confused.sign(new MACSigner(orgKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        String token = confused.serialize();

        refused(() -> invoke(acme.flow(), bearer(token)), 401, INVALID_TOKEN, "token_invalid", token);
    }

    @Test
    void tokenWithoutTheAccessTokenType_isA401InvalidToken() {
        Setup acme = setup("acme");
        RSAKey orgKey = orgSigningKey(acme.org());
        String untyped = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(orgKey.getKeyID()).build(), claims(acme).build(), orgKey);

        refused(() -> invoke(acme.flow(), bearer(untyped)), 401, INVALID_TOKEN, "token_invalid", untyped);
    }

    @Test
    void clientAssertionPresentedAsAnAccessToken_isA401InvalidToken() {
        Setup acme = setup("acme");
        String assertion = InvokeSeed.assertion(acme.client(), acme.org().issuer());

        refused(() -> invoke(acme.flow(), bearer(assertion)), 401, INVALID_TOKEN, "token_invalid", assertion);
    }

    // ---- OAuth 2.0: a token that verified once, but not for this flow or not any more

    @Test
    void tokenOfAnotherOrg_atTheSameAlias_isA401InvalidToken_alsoOnceItsSignatureIsCached() {
        Setup acme = setup("acme");
        Setup globex = setup("globex");
        String alias = "shared-flow";
        seed.addAlias(acme.org(), acme.flow(), alias);
        seed.addAlias(globex.org(), globex.flow(), alias);
        String acmeToken = seed.token(acme.org(), acme.client());
        String globexPath = "/orgs/globex/api/flo/" + alias + "/invoke";

        refused(() -> invokePath(globexPath, bearer(acmeToken)), 401, INVALID_TOKEN, "token_invalid", acmeToken);
        assertThat(invokePath("/orgs/acme/api/flo/" + alias + "/invoke", bearer(acmeToken)).statusCode())
                .isEqualTo(200);
        refused(() -> invokePath(globexPath, bearer(acmeToken)), 401, INVALID_TOKEN, "token_invalid", acmeToken);
        assertThat(node.query("select distinct org_id from system_log where event_type = 'invoke.denied'"))
                .containsExactly(globex.org().id());
    }

    @Test
    void tokenSignedWithThisOrgsKeyButIssuedForAnotherOrg_isA401InvalidToken() {
        Setup acme = setup("acme");
        Setup globex = setup("globex");
        RSAKey globexKey = orgSigningKey(globex.org());
        String otherIssuer = sign(accessTokenHeader(globexKey), claims(globex).issuer(acme.org().issuer()).build(),
                globexKey);
        String otherAudience = sign(accessTokenHeader(globexKey),
                claims(globex).audience(acme.org().issuer()).build(), globexKey);

        refused(() -> invoke(globex.flow(), bearer(otherIssuer)), 401, INVALID_TOKEN, "token_invalid", otherIssuer);
        refused(() -> invoke(globex.flow(), bearer(otherAudience)), 401, INVALID_TOKEN, "token_invalid",
                otherAudience);
    }

    @Test
    void revokedToken_isA401InvalidToken_atOnce_thoughItsSignatureIsCached() {
        Setup acme = setup("acme");
        String token = seed.token(acme.org(), acme.client());
        assertThat(invoke(acme.flow(), bearer(token)).statusCode()).isEqualTo(200);

        seed.revoke(acme.org(), acme.client(), token);

        refused(() -> invoke(acme.flow(), bearer(token)), 401, INVALID_TOKEN, "token_invalid", token);
    }

    @Test
    void tokenOfAnAppDeactivatedSince_isA401InvalidToken_atOnce_thoughItsSignatureIsCached() {
        Setup acme = setup("acme");
        String token = seed.token(acme.org(), acme.client());
        assertThat(invoke(acme.flow(), bearer(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = node.http().post(
                acme.org().api("/apps/" + acme.client().id() + "/lifecycle/deactivate"), "", acme.org().auth());
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        refused(() -> invoke(acme.flow(), bearer(token)), 401, INVALID_TOKEN, "token_invalid", token);
    }

    @Test
    void tokenWithoutTheInvokeScope_isA403InsufficientScope_namingTheScope() {
        Setup acme = setup("acme");
        node.update("insert into scopes (name, description) values ('flowgate.tests.other', 'Another scope')"
                + " on conflict do nothing");
        seed.grant(acme.org(), acme.client(), "flowgate.tests.other");
        String token = seed.token(acme.org(), acme.client(), "flowgate.tests.other");

        refused(() -> invoke(acme.flow(), bearer(token)), 403,
                "Bearer realm=\"flowgate\", error=\"insufficient_scope\", scope=\"okta.workflows.invoke.manage\"",
                "insufficient_scope", token);
    }

    @Test
    void tokenOfAnAppWhoseGrantWasRevoked_isA403InsufficientScope_atOnce() {
        Setup acme = setup("acme");
        String token = seed.token(acme.org(), acme.client());
        assertThat(invoke(acme.flow(), bearer(token)).statusCode()).isEqualTo(200);

        String grantId = json(node.http().get(acme.org().api("/apps/" + acme.client().id() + "/grants"),
                acme.org().auth())).get(0).get("id").asText();
        assertThat(node.http().delete(acme.org().api("/apps/" + acme.client().id() + "/grants/" + grantId),
                acme.org().auth()).statusCode()).isEqualTo(204);

        refused(() -> invoke(acme.flow(), bearer(token)), 403,
                "Bearer realm=\"flowgate\", error=\"insufficient_scope\", scope=\"okta.workflows.invoke.manage\"",
                "insufficient_scope", token);
    }

    @Test
    void appNotInTheSelectedList_isA403_untilTheEndpointAllowsAnyApp() {
        Setup acme = setup("acme");
        InvokeSeed.Client listed = seed.client(acme.org());
        seed.endpoint(acme.org(), acme.flow(), "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + listed.id() + "\"]}");
        String outsider = seed.token(acme.org(), acme.client());

        assertThat(invoke(acme.flow(), bearer(seed.token(acme.org(), listed))).statusCode()).isEqualTo(200);
        refused(() -> invoke(acme.flow(), bearer(outsider)), 403, CHALLENGE, "app_not_allowed", outsider);

        seed.endpoint(acme.org(), acme.flow(), "{\"security\":\"OAUTH2\",\"allowedApps\":\"ANY\"}");

        HttpResponse<String> allowed = invoke(acme.flow(), bearer(outsider));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(json(allowed).at("/caller/clientId").asText()).isEqualTo(acme.client().id());
    }

    // ---- client token and public endpoints

    @Test
    void clientToken_isRequired_once_andTheCurrentOneOnly() {
        Setup acme = setup("acme");
        String clientToken = seed.endpoint(acme.org(), acme.flow(), "{\"security\":\"CLIENT_TOKEN\"}")
                .get("clientToken").asText();
        String path = acme.flow().invokePath();

        refused(() -> invoke(acme.flow()), 401, null, "client_token_invalid");
        refused(() -> invoke(acme.flow(), "x-api-client-token", PROBE), 401, null, "client_token_invalid");
        refused(() -> invokePath(path + "?clientToken=" + clientToken, "x-api-client-token", clientToken), 400, null,
                "client_token_twice", clientToken);
        HttpResponse<String> byHeader = invoke(acme.flow(), "x-api-client-token", clientToken);
        HttpResponse<String> byQuery = invokePath(path + "?clientToken=" + clientToken);
        assertThat(byHeader.statusCode()).as(byHeader.body()).isEqualTo(200);
        assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
        assertThat(json(byHeader).at("/caller/security").asText()).isEqualTo("CLIENT_TOKEN");

        HttpResponse<String> regenerated = node.http().post(
                acme.org().api("/flows/" + acme.flow().id() + "/endpoint/client-token"), "", acme.org().auth());
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        String newToken = json(regenerated).get("clientToken").asText();

        refused(() -> invoke(acme.flow(), "x-api-client-token", clientToken), 401, null, "client_token_invalid",
                clientToken);
        refused(() -> invokePath(path + "?clientToken=" + clientToken), 401, null, "client_token_invalid",
                clientToken);
        assertThat(invoke(acme.flow(), "x-api-client-token", newToken).statusCode()).isEqualTo(200);
    }

    @Test
    void publicEndpoint_runsWithoutCredentials_forAnAnonymousCaller() {
        Setup acme = setup("acme");
        seed.endpoint(acme.org(), acme.flow(), "{\"security\":\"PUBLIC\"}");

        HttpResponse<String> response = invoke(acme.flow());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("caller")).isEqualTo(json(
                "{\"clientId\":null,\"scopes\":[],\"security\":\"PUBLIC\"}"));
        assertThat(node.query("select caller_security from executions")).containsExactly("PUBLIC");
    }

    // ---- the flow and the URL

    @Test
    void inactiveFlow_isA409ForAnAllowedCaller_andA401ForAStranger() {
        Setup acme = setup("acme");
        String token = seed.token(acme.org(), acme.client());
        HttpResponse<String> deactivated = node.http().post(
                acme.org().api("/flows/" + acme.flow().id() + "/lifecycle/deactivate"), "", acme.org().auth());
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        refused(() -> invoke(acme.flow(), bearer(token)), 409, null, "flow_inactive", token);
        refused(() -> invoke(acme.flow()), 401, CHALLENGE, "token_missing");
    }

    @Test
    void unknownAliasAndUnknownOrg_are404sWithTheSameBody() {
        Setup acme = setup("acme");
        String token = seed.token(acme.org(), acme.client());

        HttpResponse<String> unknownAlias = refused(
                () -> invokePath("/orgs/acme/api/flo/" + PROBE + "/invoke", bearer(token)), 404, null, null, token);
        HttpResponse<String> unknownOrg = refused(
                () -> invokePath("/orgs/" + PROBE + "/api/flo/" + acme.flow().alias() + "/invoke", bearer(token)),
                404, null, null, token);
        HttpResponse<String> malformedAlias = refused(
                () -> invokePath("/orgs/acme/api/flo/" + PROBE.toUpperCase() + "/invoke"), 404, null, null);

        assertThat(unknownOrg.body()).isEqualTo(unknownAlias.body());
        assertThat(malformedAlias.body()).isEqualTo(unknownAlias.body());
    }

    @Test
    void otherMethods_are405_allowingGetAndPost() {
        Setup acme = setup("acme");
        String path = acme.flow().invokePath() + "?probe=" + PROBE;

        HttpResponse<String> put = refused(() -> node.http().put(path, "{\"probe\":\"" + PROBE + "\"}",
                "x-probe", PROBE), 405, null, null);
        HttpResponse<String> delete = refused(() -> node.http().delete(path, "x-probe", PROBE), 405, null, null);
        HttpResponse<String> propfind = refused(() -> node.http().send(HttpRequest.newBuilder(node.http().uri(path))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody())), 405, null, null);
        HttpResponse<String> madeUp = refused(() -> node.http().send(HttpRequest.newBuilder(node.http().uri(path))
                .method("FROBNICATE", HttpRequest.BodyPublishers.ofString("{}"))), 405, null, null);

        for (HttpResponse<String> refusal : List.of(put, delete, propfind, madeUp)) {
            assertThat(refusal.headers().allValues("Allow")).as(refusal.request().method())
                    .containsExactly("GET, POST");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-no-such-charset", "not a charset name", ""})
    void bodyInACharsetTheServerCannotDecode_is415_beforeSecurity(String charset) {
        Setup acme = setup("acme");

        HttpResponse<String> refused = refused(() -> node.http().send(HttpRequest.newBuilder(
                        node.http().uri(acme.flow().invokePath()))
                .header("Content-Type", "text/plain; charset=\"" + charset + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(PROBE))), 415, null, null);

        assertThat(json(refused).get("detail").asText()).contains("send the body in UTF-8");
    }

    // ---- support

    /** An org with an app holding the invoke scope and a flow (OAuth 2.0, any app) that returns its caller. */
    private record Setup(RunningNode.OrgAdmin org, InvokeSeed.Client client, InvokeSeed.Flow flow) {
    }

    private Setup setup(String slug) {
        RunningNode.OrgAdmin org = node.createOrg(slug);
        return new Setup(org, seed.client(org), seed.flow(org, CALLER_FLOW));
    }


    private HttpResponse<String> invoke(InvokeSeed.Flow flow, String... headers) {
        return invokePath(flow.invokePath() + "?probe=" + PROBE, headers);
    }

    private HttpResponse<String> invokePath(String path, String... headers) {
        String[] withProbe = Stream.concat(Stream.of(headers), Stream.of("x-probe", PROBE)).toArray(String[]::new);
        return node.http().get(path, withProbe);
    }

    /**
     * Makes the call and checks the refusal: status, problem body, the exact challenge (or none),
     * no execution id, nothing of the request in any header or the body, no execution recorded, and
     * exactly one new {@code invoke.denied} entry with the reason (or none when {@code reason} is null).
     */
    private HttpResponse<String> refused(Supplier<HttpResponse<String>> call, int status, String challenge,
                                         String reason, String... secrets) {
        List<String> executionsBefore = node.query("select count(*) from executions");
        List<String> deniedBefore = deniedReasons();

        HttpResponse<String> response = call.get();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(status);
        if (challenge == null) {
            assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
        } else {
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(challenge);
        }
        assertThat(response.headers().firstValue(EXECUTION_ID)).isEmpty();
        List<String> inputs = new ArrayList<>(List.of(secrets));
        inputs.add(PROBE);
        for (String input : inputs) {
            assertThat(response.body()).doesNotContainIgnoringCase(input);
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                assertThat(header.getValue()).as(header.getKey())
                        .noneSatisfy(value -> assertThat(value).containsIgnoringCase(input));
            }
        }
        assertThat(node.query("select count(*) from executions")).isEqualTo(executionsBefore);
        List<String> newDenials = new ArrayList<>(deniedReasons());
        deniedBefore.forEach(newDenials::remove);
        assertThat(newDenials).isEqualTo(reason == null ? List.of() : List.of(reason));
        return response;
    }

    private static List<String> deniedReasons() {
        return node.query("select reason from system_log where event_type = 'invoke.denied'");
    }

    /** Claims as the org's token endpoint makes them, for the setup's app, valid for five minutes. */
    private static JWTClaimsSet.Builder claims(Setup setup) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .claim("ver", 1)
                .jwtID(UUID.randomUUID().toString())
                .issuer(setup.org().issuer())
                .audience(setup.org().issuer())
                .subject(setup.client().id())
                .claim("cid", setup.client().id())
                .claim("scp", List.of(INVOKE_SCOPE))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static JWSHeader accessTokenHeader(RSAKey key) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID())
                .build();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * The org's active signing key, decrypted with the master key the node runs with. Whoever holds
     * it can make tokens with any claims, which lets a test change exactly one claim of a token the
     * server would otherwise accept.
     */
    private static RSAKey orgSigningKey(RunningNode.OrgAdmin org) {
        List<String> row = node.query("select kid || ' ' || translate(encode(encrypted_private_key, 'base64'),"
                + " E'\\n', '') from signing_keys where status = 'ACTIVE' and org_id = '" + org.id() + "'");
        String[] kidAndKey = row.get(0).split(" ");
        byte[] privateJwk = new AesGcmKeyEncryption(Base64.getDecoder().decode(RunningNode.MASTER_KEY))
                .decrypt(Base64.getDecoder().decode(kidAndKey[1]));
        try {
            RSAKey key = RSAKey.parse(new String(privateJwk, StandardCharsets.UTF_8));
            return new RSAKey.Builder(key).keyID(kidAndKey[0]).build();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

}
