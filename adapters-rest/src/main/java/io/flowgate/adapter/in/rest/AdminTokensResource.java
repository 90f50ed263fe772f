package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageAdminTokensUseCase;
import io.flowgate.application.port.in.ManageAdminTokensUseCase.IssuedAdminToken;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The org's admin API tokens. The token itself is in the 201 answer only. */
@Path("/orgs/{slug}/api/v1/api-tokens")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AdminTokensResource {

    record TokenRequest(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(String id, String name, String created, String token) {

        static TokenResponse of(AdminToken token, String secret) {
            return new TokenResponse(token.id().value(), token.name(), token.created().toString(), secret);
        }
    }

    private final ManageAdminTokensUseCase tokens;
    private final OrgUrls urls;

    public AdminTokensResource(ManageAdminTokensUseCase tokens, OrgUrls urls) {
        this.tokens = tokens;
        this.urls = urls;
    }

    @POST
    public Response issue(@Context ContainerRequestContext request, TokenRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        IssuedAdminToken issued = tokens.issueAdminToken(admin,
                RequestBodies.requireField(RequestBodies.require(body).name(), "name"));
        return Response.created(URI.create(self(admin) + "/" + issued.token().id()))
                .entity(TokenResponse.of(issued.token(), issued.secret()))
                .build();
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        PageRequest page = Paging.request(limit, after);
        return Paging.response(tokens.listAdminTokens(admin, page), page, URI.create(self(admin)),
                token -> token.id().value(), token -> TokenResponse.of(token, null));
    }

    @DELETE
    @Path("/{tokenId}")
    public Response revoke(@Context ContainerRequestContext request, @PathParam("tokenId") String tokenId) {
        tokens.revokeAdminToken(AdminAuthenticationFilter.of(request), PathIds.parse(tokenId, AdminTokenId::new));
        return Response.noContent().build();
    }

    private String self(AdminContext admin) {
        return urls.issuer(admin.slug()) + "/api/v1/api-tokens";
    }
}
