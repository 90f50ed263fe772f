package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.in.PublishKeysUseCase;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.org.OrgSlug;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 8414 authorization server metadata, at both the RFC's URL and the one under the issuer. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class MetadataResource {

    private final PublishKeysUseCase keys;
    private final OrgUrls urls;

    public MetadataResource(PublishKeysUseCase keys, OrgUrls urls) {
        this.keys = keys;
        this.urls = urls;
    }

    @GET
    @Path(".well-known/oauth-authorization-server/orgs/{slug}")
    public Map<String, Object> wellKnown(@PathParam("slug") String slug) {
        return metadata(slug);
    }

    @GET
    @Path("orgs/{slug}/.well-known/oauth-authorization-server")
    public Map<String, Object> underIssuer(@PathParam("slug") String slug) {
        return metadata(slug);
    }

    private Map<String, Object> metadata(String rawSlug) {
        OrgSlug slug = OrgSlugs.parse(rawSlug);
        keys.requireOrg(slug);
        String issuer = urls.issuer(slug);
        List<String> algorithms = Arrays.stream(JwsAlgorithm.values()).map(JwsAlgorithm::name).toList();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("token_endpoint", urls.tokenEndpoint(slug));
        metadata.put("jwks_uri", issuer + "/oauth2/v1/keys");
        metadata.put("introspection_endpoint", issuer + "/oauth2/v1/introspect");
        metadata.put("revocation_endpoint", issuer + "/oauth2/v1/revoke");
        metadata.put("grant_types_supported", List.of("client_credentials"));
        // No authorization endpoint: only the client credentials grant, so no response types.
        metadata.put("response_types_supported", List.of());
        metadata.put("scopes_supported", List.of("okta.workflows.invoke.manage"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", algorithms);
        // RFC 8414 requires the signing algorithms wherever private_key_jwt is listed; all three
        // endpoints authenticate the client alike.
        metadata.put("introspection_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        metadata.put("introspection_endpoint_auth_signing_alg_values_supported", algorithms);
        metadata.put("revocation_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        metadata.put("revocation_endpoint_auth_signing_alg_values_supported", algorithms);
        return metadata;
    }
}
