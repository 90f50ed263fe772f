package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.ClientTokenRequest;
import io.flowgate.application.port.in.IntrospectTokenUseCase;
import io.flowgate.application.port.in.IntrospectTokenUseCase.Introspection;
import io.flowgate.application.port.in.IntrospectTokenUseCase.IntrospectionRefused;
import io.flowgate.application.port.in.IntrospectTokenUseCase.IntrospectionResult;
import io.flowgate.application.port.in.RevokeTokenUseCase;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.domain.scope.ScopeName;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Token introspection (RFC 7662) and revocation (RFC 7009), both for the client's own tokens only. */
@Path("/orgs/{slug}/oauth2/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public final class TokenLifecycleResource {

    private final IntrospectTokenUseCase introspection;
    private final RevokeTokenUseCase revocation;

    public TokenLifecycleResource(IntrospectTokenUseCase introspection, RevokeTokenUseCase revocation) {
        this.introspection = introspection;
        this.revocation = revocation;
    }

    @POST
    @Path("/introspect")
    public Response introspect(@PathParam("slug") String slug,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               MultivaluedMap<String, String> fields) {
        OAuthForm form = new OAuthForm(fields, authorization);
        if (form.hasRepeatedParameter()) {
            return Response.status(400).entity(OAuthForm.repeatedParameterError()).build();
        }
        IntrospectionResult result = introspection.introspect(request(slug, form));
        if (result instanceof IntrospectionRefused refused) {
            return refusal(refused);
        }
        return Response.ok(((Introspection) result).activeToken()
                .map(TokenLifecycleResource::active)
                .orElseGet(() -> Map.of("active", false))).build();
    }

    @POST
    @Path("/revoke")
    public Response revoke(@PathParam("slug") String slug,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           MultivaluedMap<String, String> fields) {
        OAuthForm form = new OAuthForm(fields, authorization);
        if (form.hasRepeatedParameter()) {
            return Response.status(400).entity(OAuthForm.repeatedParameterError()).build();
        }
        Optional<IntrospectionRefused> refused = revocation.revoke(request(slug, form));
        return refused.map(TokenLifecycleResource::refusal).orElseGet(() -> Response.ok().build());
    }

    private static ClientTokenRequest request(String slug, OAuthForm form) {
        return new ClientTokenRequest(OrgSlugs.parse(slug), form.field("client_assertion_type"),
                form.field("client_assertion"), form.field("client_id"), form.otherClientAuthentication(),
                form.field("token"));
    }

    private static Response refusal(IntrospectionRefused refused) {
        return OAuthResource.error(refused.error().httpStatus(), refused.error().code(), refused.description());
    }

    private static Map<String, Object> active(AccessTokenClaims claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        if (!claims.scopes().isEmpty()) { // none left once the app's grants are removed (RFC 7662: optional)
            body.put("scope", claims.scopes().stream().map(ScopeName::value).collect(Collectors.joining(" ")));
        }
        body.put("client_id", claims.clientId().value());
        body.put("token_type", "Bearer");
        body.put("exp", claims.expiresAt().getEpochSecond());
        body.put("iat", claims.issuedAt().getEpochSecond());
        body.put("sub", claims.clientId().value());
        body.put("aud", claims.issuer());
        body.put("iss", claims.issuer());
        body.put("jti", claims.jwtId());
        return body;
    }
}
