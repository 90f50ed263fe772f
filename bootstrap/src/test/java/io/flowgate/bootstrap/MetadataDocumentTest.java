package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.AdminApiSupport.assertProblem;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The RFC 8414 metadata of an org's authorization server: what it says each endpoint accepts is
 * what the endpoint accepts.
 */
class MetadataDocumentTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final List<String> ALGORITHMS = List.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    @Test
    void metadata_isTheSameAtBothUrls_andNamesTheOrgsEndpointsMethodsAndAlgorithms() throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        String issuer = acme.issuer();

        HttpResponse<String> rfc = node.http().get("/.well-known/oauth-authorization-server/orgs/acme");
        HttpResponse<String> underIssuer = node.http().get("/orgs/acme/.well-known/oauth-authorization-server");

        assertThat(rfc.statusCode()).isEqualTo(200);
        assertThat(rfc.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(underIssuer)).isEqualTo(json(rfc));
        String algorithms = Http.JSON.writeValueAsString(ALGORITHMS);
        assertThat(json(rfc)).isEqualTo(Http.JSON.readTree("""
                {"issuer":"%1$s",
                 "token_endpoint":"%1$s/oauth2/v1/token",
                 "jwks_uri":"%1$s/oauth2/v1/keys",
                 "introspection_endpoint":"%1$s/oauth2/v1/introspect",
                 "revocation_endpoint":"%1$s/oauth2/v1/revoke",
                 "grant_types_supported":["client_credentials"],
                 "response_types_supported":[],
                 "scopes_supported":["okta.workflows.invoke.manage"],
                 "token_endpoint_auth_methods_supported":["private_key_jwt"],
                 "token_endpoint_auth_signing_alg_values_supported":%2$s,
                 "introspection_endpoint_auth_methods_supported":["private_key_jwt"],
                 "introspection_endpoint_auth_signing_alg_values_supported":%2$s,
                 "revocation_endpoint_auth_methods_supported":["private_key_jwt"],
                 "revocation_endpoint_auth_signing_alg_values_supported":%2$s}
                """.formatted(issuer, algorithms)));
    }

    /** RFC 8414, section 2: private_key_jwt listed for an endpoint means its signing algorithms are listed too. */
    @Test
    void everyEndpointThatTakesPrivateKeyJwt_listsItsSigningAlgorithms() {
        node.createOrg("acme");

        JsonNode metadata = json(node.http().get("/.well-known/oauth-authorization-server/orgs/acme"));

        for (String endpoint : List.of("token", "introspection", "revocation")) {
            assertThat(metadata.get(endpoint + "_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
            assertThat(metadata.get(endpoint + "_endpoint_auth_signing_alg_values_supported")).as(endpoint)
                    .isNotEmpty()
                    .noneMatch(alg -> alg.asText().equals("none"));
        }
    }

    /**
     * Each algorithm the metadata advertises gets a token, and authenticates at introspection and
     * revocation: a client that picks any of them is served.
     */
    @Test
    void everyAdvertisedAlgorithm_isAcceptedAtTheTokenIntrospectionAndRevocationEndpoints() {
        OrgAdmin acme = node.createOrg("acme");
        JsonNode metadata = json(node.http().get("/.well-known/oauth-authorization-server/orgs/acme"));

        for (JsonNode alg : metadata.get("token_endpoint_auth_signing_alg_values_supported")) {
            ApiClient client = ApiClient.register(node, acme, alg.asText());
            HttpResponse<String> token = TokenEndpoint.request(node, client, TokenForm.of(client.assertion().sign()));
            assertThat(token.statusCode()).as(alg + ": " + token.body()).isEqualTo(200);
            String accessToken = json(token).get("access_token").asText();

            HttpResponse<String> introspected = lifecycle(acme, "introspect", accessToken,
                    client.assertion().claim("aud", metadata.get("introspection_endpoint").asText()).sign());
            HttpResponse<String> revoked = lifecycle(acme, "revoke", accessToken,
                    client.assertion().claim("aud", metadata.get("revocation_endpoint").asText()).sign());

            assertThat(introspected.statusCode()).as(alg + ": " + introspected.body()).isEqualTo(200);
            assertThat(json(introspected).get("active").asBoolean()).as(alg.asText()).isTrue();
            assertThat(revoked.statusCode()).as(alg + ": " + revoked.body()).isEqualTo(200);
        }
        assertThat(metadata.get("introspection_endpoint_auth_signing_alg_values_supported"))
                .isEqualTo(metadata.get("token_endpoint_auth_signing_alg_values_supported"));
        assertThat(metadata.get("revocation_endpoint_auth_signing_alg_values_supported"))
                .isEqualTo(metadata.get("token_endpoint_auth_signing_alg_values_supported"));
    }

    @Test
    void unknownOrMalformedOrg_isA404Problem_atBothUrls() {
        node.createOrg("acme");

        for (String slug : new String[] {"nobody", "Not-A-Slug", "a", "x".repeat(64)}) {
            assertProblem(node.http().get("/.well-known/oauth-authorization-server/orgs/" + slug), 404);
            assertProblem(node.http().get("/orgs/" + slug + "/.well-known/oauth-authorization-server"), 404);
        }
    }

    private static HttpResponse<String> lifecycle(OrgAdmin org, String endpoint, String token, String assertion) {
        return node.http().postForm("/orgs/" + org.slug() + "/oauth2/v1/" + endpoint,
                TokenForm.of(assertion).without("grant_type").without("scope").add("token", token).encode());
    }
}
