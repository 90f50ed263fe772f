package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.TokenEndpoint.logEvents;
import static io.flowgate.bootstrap.TokenEndpoint.request;
import static io.flowgate.bootstrap.TokenEndpoint.spentAssertions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a token request is refused: the status and OAuth error, a description that explains
 * without echoing the request, {@code Cache-Control: no-store}, a {@code token.denied} log entry
 * with the reason, and no token issued.
 */
class TokenEndpointRefusalsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    /** Said alike for an unknown client, an inactive app, an unknown kid and a bad signature. */
    private static final String NOT_AUTHENTICATED = "the client could not be authenticated";

    private OrgAdmin acme;
    /** A second org, for the tests that need one. */
    private OrgAdmin globex;
    private ApiClient client;
    /** Tokens issued before the refusal under test: the refusal must not add one. */
    private int tokensIssuedBefore;

    @BeforeEach
    void registerAClient() {
        globex = null;
        tokensIssuedBefore = 0;
        acme = node.createOrg("acme");
        client = ApiClient.register(node, acme, "RS256");
    }

    // --- the assertion's form ---

    @Test
    void unsecuredAssertion_algNone_isRefused() {
        String assertion = new PlainJWT(new JWTClaimsSet.Builder()
                .issuer(client.clientId()).subject(client.clientId()).audience(client.tokenEndpoint())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).jwtID("jti-1").build())
                .serialize();

        String description = refusedAsInvalidClient(send(assertion), "assertion_malformed", assertion);

        assertThat(description).contains("alg none");
    }

    /** The classic confusion: a verifier that took the key's bytes as an HMAC secret would accept this. */
    @ParameterizedTest
    @ValueSource(strings = {"public JWK JSON", "public key DER"})
    void hs256SignedWithTheClientsPublicKeyAsSecret_isRefused(String secretForm) throws Exception {
        RSAKey publicJwk = client.key().privateJwk().toRSAKey().toPublicJWK();
        byte[] secret = secretForm.equals("public JWK JSON")
                ? publicJwk.toJSONString().getBytes(StandardCharsets.UTF_8)
                : publicJwk.toRSAPublicKey().getEncoded();
        String assertion = client.assertion().signedWith(JWSAlgorithm.HS256, new MACSigner(secret)).sign();

        String description = refusedAsInvalidClient(send(assertion), "assertion_malformed", assertion);

        assertThat(description).contains("alg is not accepted").contains("RS256").doesNotContain("HS256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", "....."})
    void textThatIsNotACompactJws_isRefused(String garbage) {
        String description = refusedAsInvalidClient(send(garbage), "assertion_malformed", garbage);

        assertThat(description).containsAnyOf("JWS compact serialization", "not a well-formed JWT",
                "not a valid JWT claims set");
    }

    @Test
    void encryptedAssertion_fivePartJwe_isRefused() {
        String jwe = "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.ZW5jcnlwdGVka2V5.aXZpdml2.Y2lwaGVy.dGFn";

        String description = refusedAsInvalidClient(send(jwe), "assertion_malformed", jwe);

        assertThat(description).contains("JWE");
    }

    @Test
    void criticalHeaderThatTheServerDoesNotUnderstand_isRefused() {
        String assertion = client.assertion()
                .header("urn:example:evil-policy", true)
                .critical(Set.of("urn:example:evil-policy"))
                .sign();

        String description = refusedAsInvalidClient(send(assertion), "assertion_malformed", assertion,
                "urn:example:evil-policy");

        assertThat(description).contains("crit");
    }

    /** jwk, jku, x5u, x5c never locate the key: an attacker's own key in the header does not verify. */
    @Test
    void assertionSignedByAKeyEmbeddedInItsOwnHeader_isNotAuthenticated() throws Exception {
        JWK attacker = JWK.parse(ApiClient.registerWithoutGrant(node, node.createOrg("attacker"), "RS256")
                .key().privateJwk().toJSONString());
        String assertion = client.assertion()
                .signedWith(JWSAlgorithm.RS256, Assertion.signer(attacker))
                .header("jwk", attacker.toPublicJWK().toJSONObject())
                .sign();

        String description = refusedAsInvalidClient(send(assertion), "client_not_authenticated", assertion);

        assertThat(description).startsWith(NOT_AUTHENTICATED);
    }

    // --- who the client is ---

    @Test
    void issuerOtherThanSubject_isRefused() {
        ApiClient other = ApiClient.register(node, acme, "ES256");
        String assertion = client.assertion().claim("iss", other.clientId()).sign();

        String description = refusedAsInvalidClient(send(assertion), "iss_sub_mismatch", assertion,
                other.clientId());

        assertThat(description).contains("iss and sub must both be the client id");
    }

    @Test
    void clientIdFieldOtherThanSubject_isRefused() {
        ApiClient other = ApiClient.register(node, acme, "ES256");
        String assertion = client.assertion().sign();

        String description = refusedAsInvalidClient(request(node, client,
                TokenForm.of(assertion).add("client_id", other.clientId())), "client_id_mismatch", assertion,
                other.clientId());

        assertThat(description).contains("client_id does not match the assertion's sub");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a stranger's URL", "another org's token endpoint", "both allowed values",
            "the JWKS URL", "none"})
    void audienceThatIsNotExactlyOneOfTheTokenEndpointOrIssuer_isRefused(String which) {
        globex = node.createOrg("globex");
        Map<String, Object> audiences = Map.of(
                "a stranger's URL", "https://evil.example/oauth2/v1/token",
                "another org's token endpoint", "https://flowgate.example.com/orgs/globex/oauth2/v1/token",
                "both allowed values", List.of(client.tokenEndpoint(), acme.issuer()),
                "the JWKS URL", acme.issuer() + "/oauth2/v1/keys");
        Assertion assertion = which.equals("none") ? client.assertion().without("aud")
                : client.assertion().claim("aud", audiences.get(which));
        String jws = assertion.sign();

        String description = refusedAsInvalidClient(send(jws), "aud_invalid", jws, "evil", "globex", "/keys");

        assertThat(description).isEqualTo("aud must be exactly one of: " + acme.issuer() + ", "
                + client.tokenEndpoint());
    }

    @Test
    void audienceListHoldingNull_isRefusedAsMalformed() {
        // Signing libraries write a one-element audience as a string, so the claim is put in by hand; the
        // signature no longer fits, but the claim is read, and refused, before any key is looked up.
        String[] parts = client.assertion().sign().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"aud\":\"[^\"]*\"", "\"aud\":[null]");
        assertThat(claims).contains("\"aud\":[null]");
        String jws = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        String description = refusedAsInvalidClient(send(jws), "assertion_malformed", jws);

        assertThat(description).contains("aud is a string or a list of strings");
    }

    // --- when ---

    @Test
    void expiredBeyondTheSkew_isRefused_withTheServersTime() {
        Instant now = Instant.now();
        String assertion = client.assertion().claim("iat", now.minusSeconds(600))
                .claim("exp", now.minusSeconds(120)).sign();

        String description = refusedAsInvalidClient(send(assertion), "assertion_expired", assertion);

        assertThat(description).matches("the assertion expired at \\S+Z \\(server time \\S+Z, allowed clock skew 60 s\\)");
    }

    @Test
    void expiryMoreThanAnHourAndTheSkewAhead_isRefused() {
        String assertion = client.assertion().claim("exp", Instant.now().plusSeconds(3600 + 60 + 60)).sign();

        String description = refusedAsInvalidClient(send(assertion), "exp_too_far", assertion);

        assertThat(description).contains("is more than 60 minutes ahead").contains("server time");
    }

    @Test
    void withoutExpiry_isRefused() {
        String assertion = client.assertion().without("exp").sign();

        String description = refusedAsInvalidClient(send(assertion), "exp_missing", assertion);

        assertThat(description).contains("needs an exp");
    }

    @Test
    void issuedAtInTheFutureBeyondTheSkew_isRefused() {
        String assertion = client.assertion().claim("iat", Instant.now().plusSeconds(180)).sign();

        String description = refusedAsInvalidClient(send(assertion), "iat_future", assertion);

        assertThat(description).contains("is in the future").contains("server time");
    }

    @Test
    void notBeforeInTheFutureBeyondTheSkew_isRefused() {
        String assertion = client.assertion().claim("nbf", Instant.now().plusSeconds(180)).sign();

        String description = refusedAsInvalidClient(send(assertion), "nbf_future", assertion);

        assertThat(description).contains("is not valid before").contains("server time");
    }

    // --- once only ---

    @Test
    void withoutJti_isRefused() {
        String assertion = client.assertion().without("jti").sign();

        String description = refusedAsInvalidClient(send(assertion), "jti_missing", assertion);

        assertThat(description).contains("needs a jti");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000inside", "line\nbreak", "\u007f"})
    void jtiHoldingAControlCharacter_isRefused(String jti) {
        String assertion = client.assertion().claim("jti", jti).sign();

        String description = refusedAsInvalidClient(send(assertion), "jti_missing", assertion);

        assertThat(description).contains("needs a jti").contains("control characters");
    }

    @Test
    void sameAssertionSentTwice_isRefusedTheSecondTime() {
        Assertion assertion = client.assertion();
        String jws = assertion.sign();
        assertThat(send(jws).statusCode()).isEqualTo(200);
        tokensIssuedBefore = 1;

        HttpResponse<String> replay = send(jws);

        String description = refused(replay, 401, "invalid_client", "assertion_replayed", jws);
        assertThat(description).contains("already used");
        assertThat(spentAssertions(node)).isEqualTo(1);
    }

    @Test
    void newAssertionReusingAnAcceptedJti_isRefused() {
        Assertion first = client.assertion();
        assertThat(send(first.sign()).statusCode()).isEqualTo(200);
        tokensIssuedBefore = 1;
        String again = client.assertion().claim("jti", first.jti()).sign();

        String description = refused(send(again), 401, "invalid_client", "assertion_replayed", again);

        assertThat(description).contains("already used");
    }

    /** The replay store is one atomic insert: racing copies of one assertion get one token between them. */
    @Test
    void twentyConcurrentRequestsWithOneAssertion_exactlyOneSucceeds() throws Exception {
        String jws = client.assertion().sign();
        int requests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return send(jws);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }

            assertThat(responses).filteredOn(response -> response.statusCode() == 200).hasSize(1);
            assertThat(responses).filteredOn(response -> response.statusCode() != 200)
                    .hasSize(requests - 1)
                    .allSatisfy(response -> {
                        assertThat(response.statusCode()).isEqualTo(401);
                        assertThat(Http.json(response).get("error_description").asText()).contains("already used");
                    });
            assertThat(logEvents(node, acme, "token.issued")).hasSize(1);
            assertThat(logEvents(node, acme, "token.denied")).hasSize(requests - 1)
                    .allSatisfy(event -> assertThat(event.get("reason").asText()).isEqualTo("assertion_replayed"));
            assertThat(spentAssertions(node)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- the app and its keys: one description for all, so nobody learns which clients exist ---

    @ParameterizedTest
    @ValueSource(strings = {"unknown client", "inactive app", "unknown kid", "bad signature", "inactive key",
            "another app's key", "client of another org"})
    void clientThatCannotBeAuthenticated_isRefused_withoutSayingWhy(String situation) {
        HttpResponse<String> response = unauthenticatable(situation);

        String description = refused(response, 401, "invalid_client", "client_not_authenticated");

        assertThat(description).startsWith(NOT_AUTHENTICATED);
        if (situation.equals("inactive app")) {
            assertThat(client.read().get("status").asText()).isEqualTo("INACTIVE");
        }
    }

    @Test
    void unknownClientInactiveAppUnknownKidAndBadSignature_shareOneDescription() {
        List<String> descriptions = new ArrayList<>();
        for (String situation : List.of("unknown client", "unknown kid", "bad signature", "inactive app")) {
            HttpResponse<String> response = unauthenticatable(situation);
            assertThat(response.statusCode()).isEqualTo(401);
            descriptions.add(Http.json(response).get("error_description").asText());
        }

        assertThat(descriptions).hasSize(4).containsOnly(descriptions.get(0));
    }

    /** One request in a situation where the client cannot be authenticated; nothing else about it is wrong. */
    private HttpResponse<String> unauthenticatable(String situation) {
        switch (situation) {
            case "unknown client" -> {
                String stranger = "unknownclient0123456789";
                return send(client.assertion().claim("iss", stranger).claim("sub", stranger).sign());
            }
            case "inactive app" -> {
                String jws = client.assertion().sign();
                client.deactivate();
                return send(jws);
            }
            case "unknown kid" -> {
                return send(client.assertion().kid("no-such-kid").sign());
            }
            case "bad signature" -> {
                JWK strangersKey = ApiClient.registerWithoutGrant(node, acme, "RS256").key().privateJwk();
                return send(client.assertion().signedWith(JWSAlgorithm.RS256, Assertion.signer(strangersKey)).sign());
            }
            case "inactive key" -> {
                client.addKey("ES256");
                client.deactivate(client.key());
                return send(client.assertion().sign());
            }
            case "another app's key" -> {
                ApiClient other = ApiClient.register(node, acme, "RS256");
                return send(client.assertion().signedWith(other.key()).sign());
            }
            case "client of another org" -> {
                globex = node.createOrg("globex");
                String jws = client.assertion().claim("aud", globex.issuer() + "/oauth2/v1/token").sign();
                return node.http().postForm("/orgs/globex/oauth2/v1/token", TokenForm.of(jws).encode());
            }
            default -> throw new IllegalArgumentException(situation);
        }
    }

    /** With two active keys and no kid, the server does not guess which one to try. */
    @Test
    void assertionWithoutKid_whenTheAppHasTwoActiveKeys_isNotAuthenticated() {
        client.addKey("ES256");

        String description = refusedAsInvalidClient(send(client.assertion().kid(null).sign()),
                "client_not_authenticated");

        assertThat(description).startsWith(NOT_AUTHENTICATED);
    }

    // --- the grant and the scopes (the client did authenticate: 400) ---

    @ParameterizedTest
    @ValueSource(strings = {"evil.unknown.scope", "openid", "okta.workflows.invoke.manage openid", "",
            "<script>evil</script>"})
    void scopeThatIsUnknownOpenidEmptyOrMalformed_isAnInvalidScope(String scope) {
        String jws = client.assertion().sign();

        HttpResponse<String> response = request(node, client, TokenForm.of(jws).set("scope", scope));

        String description = refused(response, 400, "invalid_scope", "scope_invalid", jws, "evil");
        assertThat(description).containsAnyOf("does not exist", "openid is not offered", "scope is required",
                "malformed scope");
    }

    @Test
    void noScopeParameter_isAnInvalidScope() {
        String jws = client.assertion().sign();

        String description = refused(request(node, client, TokenForm.of(jws).without("scope")), 400,
                "invalid_scope", "scope_invalid", jws);

        assertThat(description).contains("scope is required");
    }

    @Test
    void scopeNotGrantedToTheApp_isAnInvalidScope() {
        ApiClient ungranted = ApiClient.registerWithoutGrant(node, acme, "ES256");
        String jws = ungranted.assertion().sign();

        String description = refused(request(node, ungranted, TokenForm.of(jws)), 400, "invalid_scope",
                "scope_invalid", jws);

        assertThat(description).contains("not granted to this app");
        // the client did authenticate: its assertion is spent all the same, as the guide says
        assertThat(spentAssertions(node)).isEqualTo(1);
    }

    /** The assertion is used up in the same commit that records the refusal, so it cannot be retried. */
    @Test
    void assertionOfARequestRefusedForItsScope_isSpent_andRefusedWhenSentAgainWithAGoodScope() {
        String jws = client.assertion().sign();
        assertThat(request(node, client, TokenForm.of(jws).set("scope", "evil.unknown.scope")).statusCode())
                .isEqualTo(400);

        String description = refused(send(jws), 401, "invalid_client", "assertion_replayed", jws);

        assertThat(description).contains("already used");
        assertThat(logEvents(node, acme, "token.denied")).extracting(event -> event.get("reason").asText())
                .containsExactlyInAnyOrder("scope_invalid", "assertion_replayed");
        assertThat(spentAssertions(node)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "authorization_code", "urn:ietf:params:oauth:grant-type:jwt-bearer"})
    void grantTypeOtherThanClientCredentials_isUnsupported(String grantType) {
        String jws = client.assertion().sign();

        String description = refused(request(node, client, TokenForm.of(jws).set("grant_type", grantType)), 400,
                "unsupported_grant_type", "grant_type_unsupported", jws, grantType);

        assertThat(description).contains("only grant_type=client_credentials");
    }

    @Test
    void withoutGrantType_isAnInvalidRequest() {
        String jws = client.assertion().sign();

        String description = refused(request(node, client, TokenForm.of(jws).without("grant_type")), 400,
                "invalid_request", "grant_type_missing", jws);

        assertThat(description).contains("grant_type is required");
    }

    // --- the HTTP request itself ---

    @Test
    void basicCredentialsAndAnAssertionTogether_isAnInvalidRequest() {
        String jws = client.assertion().sign();
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":evil-secret")
                .getBytes(StandardCharsets.UTF_8));

        String description = refused(request(node, client, TokenForm.of(jws), "Authorization", "Basic " + basic),
                400, "invalid_request", "multiple_client_auth", jws, "evil");

        assertThat(description).contains("exactly one client authentication method");
        assertThat(spentAssertions(node)).isZero();
    }

    @Test
    void clientSecretAndAnAssertionTogether_isAnInvalidRequest() {
        String jws = client.assertion().sign();

        String description = refused(request(node, client, TokenForm.of(jws).add("client_secret", "evil-secret")),
                400, "invalid_request", "multiple_client_auth", jws, "evil");

        assertThat(description).contains("exactly one client authentication method");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_assertion", "scope", "grant_type", "client_id"})
    void repeatedFormParameter_isAnInvalidRequest(String name) {
        String jws = client.assertion().sign();
        TokenForm form = TokenForm.of(jws).add(name, name.equals("client_assertion") ? jws : "evil-second-value");
        if (name.equals("client_id")) {
            form.add("client_id", client.clientId());
        }

        String description = refused(request(node, client, form), 400, "invalid_request", "parameter_repeated", jws,
                "evil");

        assertThat(description).contains("only once");
        assertThat(spentAssertions(node)).isZero();
    }

    @Test
    void withoutClientAssertion_isRefused() {
        String description = refusedAsInvalidClient(request(node, client, TokenForm.of("x").without("client_assertion")),
                "assertion_missing");

        assertThat(description).contains("client authentication is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ietf:params:oauth:client-assertion-type:saml2-bearer", ""})
    void otherClientAssertionType_isRefused(String type) {
        String jws = client.assertion().sign();

        String description = refusedAsInvalidClient(request(node, client,
                TokenForm.of(jws).set("client_assertion_type", type)), "assertion_type", jws, "saml2");

        assertThat(description).isEqualTo("client_assertion_type must be " + TokenForm.JWT_BEARER);
    }

    @Test
    void get_isMethodNotAllowed_inTheOAuthShape() {
        HttpResponse<String> response = node.http().get(client.tokenPath() + "?client_assertion=evil");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertOAuthShaped(response, "invalid_request");
        assertThat(Http.json(response).get("error_description").asText()).contains("POST").doesNotContain("evil");
        assertThat(logEvents(node, acme, "token.issued")).isEmpty();
    }

    @Test
    void put_isMethodNotAllowed_inTheOAuthShape() {
        HttpResponse<String> response = node.http().put(client.tokenPath(), "{}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertOAuthShaped(response, "invalid_request");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("POST").doesNotContain("PUT"));
    }

    /** A slug that is not even well formed ("-x", "A") gets the same answer as an unknown one. */
    @ParameterizedTest
    @ValueSource(strings = {"nobody", "-x", "A"})
    void unknownOrg_isNotFound_inTheOAuthShape(String slug) {
        HttpResponse<String> response = node.http().postForm("/orgs/" + slug + "/oauth2/v1/token",
                TokenForm.of(client.assertion().sign()).encode());

        assertThat(response.statusCode()).isEqualTo(404);
        assertOAuthShaped(response, "invalid_request");
        assertThat(Http.json(response).get("error_description").asText()).isEqualTo("no authorization server at this URL");
        assertThat(spentAssertions(node)).isZero();
    }

    @Test
    void bodyOver64KiB_isTooLarge_inTheOAuthShape() {
        String jws = client.assertion().sign();
        String form = TokenForm.of(jws).add("padding", "x".repeat(64 * 1024)).encode();

        HttpResponse<String> response = node.http().postForm(client.tokenPath(), form);

        assertThat(response.statusCode()).isEqualTo(413);
        assertOAuthShaped(response, "invalid_request");
        assertThat(Http.json(response).get("error_description").asText()).contains("too large");
        assertThat(logEvents(node, acme, "token.issued")).isEmpty();
        assertThat(spentAssertions(node)).isZero();
    }

    /** Without Content-Length the limit is enforced while reading, and the answer is the same. */
    @Test
    void chunkedBodyOver64KiB_isTooLarge_inTheOAuthShape() {
        byte[] form = TokenForm.of(client.assertion().sign()).add("padding", "x".repeat(64 * 1024)).encode()
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = node.http().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + client.tokenPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertOAuthShaped(response, "invalid_request");
        assertThat(logEvents(node, acme, "token.issued")).isEmpty();
    }

    @Test
    void jsonBody_isRefused_inTheOAuthShape_askingForAForm() {
        HttpResponse<String> response = node.http().post(client.tokenPath(), "{\"grant_type\":\"client_credentials\"}");

        assertThat(response.statusCode()).isEqualTo(415);
        assertOAuthShaped(response, "invalid_request");
        assertThat(Http.json(response).get("error_description").asText())
                .contains("application/x-www-form-urlencoded");
    }

    @Test
    void formInACharsetTheServerCannotDecode_isRefused_inTheOAuthShape_askingForUtf8() {
        String assertion = client.assertion().sign();

        HttpResponse<String> response = node.http().send(HttpRequest.newBuilder(node.http().uri(client.tokenPath()))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=x-no-such-charset")
                .POST(HttpRequest.BodyPublishers.ofString(TokenForm.of(assertion).encode())));

        assertThat(response.statusCode()).isEqualTo(415);
        assertOAuthShaped(response, "invalid_request");
        assertThat(Http.json(response).get("error_description").asText()).contains("UTF-8")
                .doesNotContain("x-no-such-charset");
        assertThat(spentAssertions(node)).isZero();
    }

    // --- helpers ---

    private HttpResponse<String> send(String assertion) {
        return request(node, client, TokenForm.of(assertion));
    }

    private String refusedAsInvalidClient(HttpResponse<String> response, String reason, String... rawInputs) {
        String description = refused(response, 401, "invalid_client", reason, rawInputs);
        assertThat(spentAssertions(node)).as("a refused assertion is not recorded as used").isZero();
        return description;
    }

    /**
     * Asserts the refusal's shape, that its description echoes none of the raw inputs (nor any part
     * of them that a JWS splits into), that the log says why, and that no token was issued.
     */
    private String refused(HttpResponse<String> response, int status, String error, String reason,
                           String... rawInputs) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertOAuthShaped(response, error);
        String description = Http.json(response).get("error_description").asText();
        for (String raw : rawInputs) {
            for (String part : raw.split("\\.")) {
                if (part.length() >= 4) {
                    assertThat(description).as("echoes the request").doesNotContain(part);
                }
            }
        }
        OrgAdmin answering = globex != null && response.uri().getPath().startsWith("/orgs/globex/") ? globex : acme;
        assertThat(logEvents(node, answering, "token.issued")).hasSize(tokensIssuedBefore);
        List<JsonNode> denied = logEvents(node, answering, "token.denied");
        assertThat(denied).isNotEmpty();
        JsonNode last = denied.get(denied.size() - 1);
        assertThat(last.get("reason").asText()).isEqualTo(reason);
        assertThat(last.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(last.get("target").asText()).isEqualTo("token-endpoint");
        return description;
    }

    private static void assertOAuthShaped(HttpResponse<String> response, String error) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Date")).hasValueSatisfying(date -> assertThat(date)
                .matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
        JsonNode body = Http.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("error", "error_description");
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isNotBlank();
    }
}
