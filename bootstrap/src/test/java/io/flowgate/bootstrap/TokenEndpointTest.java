package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.TokenEndpoint.jwks;
import static io.flowgate.bootstrap.TokenEndpoint.logEvents;
import static io.flowgate.bootstrap.TokenEndpoint.request;
import static io.flowgate.bootstrap.TokenEndpoint.spentAssertions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint issues access tokens to clients that authenticate with a valid assertion. */
class TokenEndpointTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void validAssertion_getsABearerTokenThatTheOrgsPublishedKeyVerifies(String alg) throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, alg);
        Assertion assertion = client.assertion();

        HttpResponse<String> response = request(node, client, TokenForm.of(assertion.sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
        Instant date = ZonedDateTime.parse(response.headers().firstValue("Date").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(date).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS));
        JsonNode body = Http.json(response);
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("token_type", "expires_in", "access_token", "scope");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").isIntegralNumber()).isTrue();
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("scope").asText()).isEqualTo(ApiClient.SCOPE);

        SignedJWT token = SignedJWT.parse(body.get("access_token").asText());
        JWK orgKey = jwks(node, acme).getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(orgKey).as("the token's kid is published in the org's JWKS").isNotNull();
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(token.verify(new RSASSAVerifier(orgKey.toRSAKey()))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet())
                .containsExactlyInAnyOrder("ver", "jti", "iss", "aud", "sub", "cid", "scp", "iat", "exp");
        assertThat(claims.getClaim("ver")).isEqualTo(1L);
        assertThat(claims.getJWTID()).isNotBlank().isNotEqualTo(assertion.jti());
        assertThat(claims.getIssuer()).isEqualTo("https://flowgate.example.com/orgs/acme");
        assertThat(claims.getAudience()).containsExactly("https://flowgate.example.com/orgs/acme");
        assertThat(claims.getSubject()).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("cid")).isEqualTo(client.clientId());
        assertThat(claims.getStringListClaim("scp")).containsExactly(ApiClient.SCOPE);
        assertThat(claims.getIssueTime().toInstant()).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS));
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);

        List<JsonNode> issued = logEvents(node, acme, "token.issued");
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).get("actor").asText()).isEqualTo(client.clientId());
        assertThat(issued.get(0).get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(logEvents(node, acme, "token.denied")).isEmpty();
        assertThat(node.query("select jti from assertion_replays")).containsExactly(assertion.jti());
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuer", "[tokenEndpoint]", "[issuer]"})
    void audience_mayAlsoBeTheIssuer_orAListOfExactlyOneOfThem(String form) {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        Map<String, Object> audiences = Map.of(
                "issuer", acme.issuer(),
                "[tokenEndpoint]", List.of(client.tokenEndpoint()),
                "[issuer]", List.of(acme.issuer()));

        HttpResponse<String> response = request(node, client,
                TokenForm.of(client.assertion().claim("aud", audiences.get(form)).sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void assertionWithoutKid_isVerifiedWithTheAppsOnlyActiveKey() {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "RS256");

        HttpResponse<String> response = request(node, client, TokenForm.of(client.assertion().kid(null).sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void appWithTwoActiveKeys_authenticatesWithEither_namedByKid() {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "RS256");
        ApiClient.Key second = client.addKey("EdDSA");

        HttpResponse<String> withFirst = request(node, client, TokenForm.of(client.assertion().sign()));
        HttpResponse<String> withSecond = request(node, client,
                TokenForm.of(client.assertion().signedWith(second).sign()));

        assertThat(withFirst.statusCode()).as(withFirst.body()).isEqualTo(200);
        assertThat(withSecond.statusCode()).as(withSecond.body()).isEqualTo(200);
    }

    @Test
    void clientIdField_equalToTheAssertionsSubject_isAccepted() {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");

        HttpResponse<String> response = request(node, client,
                TokenForm.of(client.assertion().sign()).add("client_id", client.clientId()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The limit is one hour plus the clock skew (60 s): 3,630 s ahead still fits, whatever the clocks' drift. */
    @Test
    void expiryOneHourAndLessThanTheSkewAhead_isAccepted() {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        Instant now = Instant.now();

        HttpResponse<String> response = request(node, client, TokenForm.of(client.assertion()
                .claim("iat", now).claim("exp", now.plusSeconds(3600 + 30)).sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A client whose clock is a little ahead of the server's is not refused. */
    @Test
    void issuedAtAndNotBeforeWithinTheSkewAhead_areAccepted() {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        Instant ahead = Instant.now().plusSeconds(30);

        HttpResponse<String> response = request(node, client, TokenForm.of(client.assertion()
                .claim("iat", ahead).claim("nbf", ahead).sign()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void eachNewAssertion_getsItsOwnToken() throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "RS256");

        HttpResponse<String> first = request(node, client, TokenForm.of(client.assertion().sign()));
        HttpResponse<String> second = request(node, client, TokenForm.of(client.assertion().sign()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        String firstJti = SignedJWT.parse(Http.json(first).get("access_token").asText()).getJWTClaimsSet().getJWTID();
        String secondJti = SignedJWT.parse(Http.json(second).get("access_token").asText()).getJWTClaimsSet().getJWTID();
        assertThat(firstJti).isNotEqualTo(secondJti);
        assertThat(spentAssertions(node)).isEqualTo(2);
    }
}
