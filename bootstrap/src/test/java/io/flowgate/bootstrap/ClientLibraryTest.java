package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.JWTAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import io.flowgate.example.ClientCredentialsExample;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that are not ours: an OAuth library that discovers the server from its issuer and
 * authenticates with private_key_jwt, a resource server that verifies tokens with the published
 * keys, and the example client of the documentation. The node's public URL is its own address, so
 * every URL the metadata names is reachable as it stands.
 */
class ClientLibraryTest {

    @RegisterExtension
    static final RunningNode node = RunningNode.atItsOwnAddress();

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void oauthLibrary_discoversTheServer_andGetsATokenWithPrivateKeyJwt(String alg) throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, alg);

        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(acme.issuer()));
        HTTPResponse http = new TokenRequest(metadata.getTokenEndpointURI(),
                privateKeyJwt(client, metadata.getTokenEndpointURI()), new ClientCredentialsGrant(),
                new Scope(ApiClient.SCOPE)).toHTTPRequest().send();
        TokenResponse response = TokenResponse.parse(http);

        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(node.publicUrl()
                + "/orgs/acme/oauth2/v1/token"));
        assertThat(metadata.getGrantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(metadata.getTokenEndpointAuthMethods()).containsExactly(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(metadata.getTokenEndpointJWSAlgs()).contains(JWSAlgorithm.parse(alg));
        assertThat(response.indicatesSuccess()).as(http.getBody()).isTrue();
        assertThat(http.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        assertThat(http.getHeaderValue("Date")).isNotBlank();
        AccessTokenResponse success = response.toSuccessResponse();
        BearerAccessToken token = success.getTokens().getBearerAccessToken();
        assertThat(token.getLifetime()).isEqualTo(3600);
        assertThat(token.getScope()).isEqualTo(new Scope(ApiClient.SCOPE));

        JWTClaimsSet claims = verifyAsAResourceServer(metadata, token.getValue(), acme.issuer(), client.clientId());
        assertThat(claims.getStringListClaim("scp")).containsExactly(ApiClient.SCOPE);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
        assertThat(SignedJWT.parse(token.getValue()).getHeader().getKeyID())
                .isEqualTo(TokenEndpoint.jwks(node, acme).getKeys().get(0).getKeyID());
    }

    @Test
    void oauthLibrary_readsARefusalAsAnOAuthError() throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(acme.issuer()));
        client.deactivate();

        TokenResponse response = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                privateKeyJwt(client, metadata.getTokenEndpointURI()), new ClientCredentialsGrant(),
                new Scope(ApiClient.SCOPE)).toHTTPRequest().send());

        assertThat(response.indicatesSuccess()).isFalse();
        ErrorObject error = response.toErrorResponse().getErrorObject();
        assertThat(error.getHTTPStatusCode()).isEqualTo(401);
        assertThat(error.getCode()).isEqualTo("invalid_client");
        assertThat(error.getDescription()).startsWith("the client could not be authenticated");
    }

    /** RFC 8414 puts the well-known segment before the issuer's path; the copy under the issuer says the same. */
    @Test
    void metadata_isTheSameAtBothWellKnownUrls_andNamesTheOrgsEndpoints() {
        OrgAdmin acme = node.createOrg("acme");

        HttpResponse<String> rfc = node.http().get("/.well-known/oauth-authorization-server/orgs/acme");
        HttpResponse<String> underIssuer = node.http().get("/orgs/acme/.well-known/oauth-authorization-server");

        assertThat(rfc.statusCode()).isEqualTo(200);
        assertThat(Http.json(underIssuer)).isEqualTo(Http.json(rfc));
        assertThat(Http.json(rfc).get("issuer").asText()).isEqualTo(acme.issuer());
        assertThat(Http.json(rfc).get("jwks_uri").asText()).isEqualTo(acme.issuer() + "/oauth2/v1/keys");
        assertThat(node.http().get("/.well-known/oauth-authorization-server/orgs/nobody").statusCode())
                .isEqualTo(404);
    }

    @Test
    void documentedExample_getsATokenThatTheOrgsKeysVerify() throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "RS256");

        String accessToken = ClientCredentialsExample.fetchAccessToken(acme.issuer(), client.clientId(),
                client.key().kid(), ClientCredentialsExample.readPkcs8Pem(client.key().privateKeyPem()));

        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(acme.issuer()));
        verifyAsAResourceServer(metadata, accessToken, acme.issuer(), client.clientId());
    }

    @Test
    void documentedExample_reportsARefusal() throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.registerWithoutGrant(node, acme, "RS256");

        assertThatThrownBy(() -> ClientCredentialsExample.fetchAccessToken(acme.issuer(), client.clientId(),
                client.key().kid(), ClientCredentialsExample.readPkcs8Pem(client.key().privateKeyPem())))
                .isInstanceOf(IOException.class)
                .hasMessage("token request refused (400): invalid_scope: a requested scope is not granted to this app");
    }

    /**
     * The library signs with RSA and EC keys itself. Its PrivateKeyJWT refuses EdDSA assertions, so
     * for those it sends one signed with the JDK through the same base class, in the same form.
     */
    private static ClientAuthentication privateKeyJwt(ApiClient client, URI tokenEndpoint) throws Exception {
        JWK key = client.key().privateJwk();
        ClientID clientId = new ClientID(client.clientId());
        JWSAlgorithm alg = JWSAlgorithm.parse(key.getAlgorithm().getName());
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(),
                    new JWTAuthenticationClaimsSet(clientId, new Audience(tokenEndpoint)).toJWTClaimsSet());
            assertion.sign(Assertion.signer(key));
            return new JWTAuthentication(ClientAuthenticationMethod.PRIVATE_KEY_JWT, assertion) {
            };
        }
        return new PrivateKeyJWT(clientId, tokenEndpoint, alg,
                JWSAlgorithm.Family.RSA.contains(alg) ? key.toRSAKey().toPrivateKey() : key.toECKey().toPrivateKey(),
                key.getKeyID(), null);
    }

    /** What a resource server does with the token: keys from the metadata's jwks_uri, typ, iss, aud, claims. */
    private static JWTClaimsSet verifyAsAResourceServer(AuthorizationServerMetadata metadata, String token,
                                                        String issuer, String clientId) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL())
                .retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(issuer,
                new JWTClaimsSet.Builder().issuer(issuer).subject(clientId).claim("cid", clientId).claim("ver", 1L)
                        .build(),
                Set.of("jti", "iat", "exp", "scp")));
        JWTClaimsSet claims = processor.process(token, null);
        assertThat(claims.getAudience()).isEqualTo(List.of(issuer));
        return claims;
    }
}
