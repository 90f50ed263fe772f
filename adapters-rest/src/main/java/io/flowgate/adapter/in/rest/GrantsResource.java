package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageGrantsUseCase;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import io.flowgate.domain.scope.ScopeName;
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
import java.util.List;

/** The scopes an app may request, e.g. {@code okta.workflows.invoke.manage}. */
@Path("/orgs/{slug}/api/v1/apps/{appId}/grants")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class GrantsResource {

    record GrantRequest(String scopeId) {
    }

    record GrantResponse(String id, String clientId, String scopeId, String status, String created) {

        static GrantResponse of(ScopeGrant grant) {
            return new GrantResponse(grant.id().value(), grant.appId().value(), grant.scope().value(), "ACTIVE",
                    grant.created().toString());
        }
    }

    private final ManageGrantsUseCase grants;
    private final OrgUrls urls;

    public GrantsResource(ManageGrantsUseCase grants, OrgUrls urls) {
        this.grants = grants;
        this.urls = urls;
    }

    @POST
    public Response grant(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                          GrantRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        AppId app = PathIds.parse(appId, AppId::new);
        ScopeName scope = new ScopeName(RequestBodies.requireField(RequestBodies.require(body).scopeId(), "scopeId"));
        ScopeGrant grant = grants.grantScope(admin, app, scope);
        return Response.created(URI.create(urls.issuer(admin.slug()) + "/api/v1/apps/" + app + "/grants/" + grant.id()))
                .entity(GrantResponse.of(grant))
                .build();
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                         @QueryParam("limit") String limit, @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        AppId app = PathIds.parse(appId, AppId::new);
        PageRequest page = Paging.request(limit, after);
        List<ScopeGrant> slice = Paging.slice(grants.listGrants(admin, app), page, grant -> grant.id().value());
        return Paging.response(slice, page, URI.create(urls.issuer(admin.slug()) + "/api/v1/apps/" + app + "/grants"),
                grant -> grant.id().value(), GrantResponse::of);
    }

    @GET
    @Path("/{grantId}")
    public GrantResponse get(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                             @PathParam("grantId") String grantId) {
        return GrantResponse.of(grants.getGrant(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new),
                PathIds.parse(grantId, ScopeGrantId::new)));
    }

    @DELETE
    @Path("/{grantId}")
    public Response revoke(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                           @PathParam("grantId") String grantId) {
        grants.revokeGrant(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new),
                PathIds.parse(grantId, ScopeGrantId::new));
        return Response.noContent().build();
    }
}
