package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageGrantsUseCase;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The scope catalog. A scope's id is its name, which is what grants and token requests use. */
@Path("/orgs/{slug}/api/v1/scopes")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
public final class ScopesResource {

    record ScopeResponse(String id, String name, String description) {

        static ScopeResponse of(Scope scope) {
            return new ScopeResponse(scope.name().value(), scope.name().value(), scope.description());
        }
    }

    private final ManageGrantsUseCase grants;
    private final OrgUrls urls;

    public ScopesResource(ManageGrantsUseCase grants, OrgUrls urls) {
        this.grants = grants;
        this.urls = urls;
    }

    /** Pages like every list, in the order of the scopes' ids, which are their names. */
    @GET
    public Response list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        // A scope name is no generated id (it has dots), so the cursor is read as a name, not by PageRequest.
        PageRequest page = Paging.request(limit, null);
        Optional<String> cursor = Optional.ofNullable(after).map(ScopesResource::scopeName);
        List<Scope> slice = Paging.slice(grants.listScopes(), page.limit(), cursor, ScopesResource::idOf);
        return Paging.response(slice, page, URI.create(urls.issuer(admin.slug()) + "/api/v1/scopes"),
                ScopesResource::idOf, ScopeResponse::of);
    }

    private static String idOf(Scope scope) {
        return scope.name().value();
    }

    private static String scopeName(String after) {
        try {
            return new ScopeName(after).value();
        } catch (InvalidValue e) {
            throw new InvalidValue("after", "after must be a scope's id, as in the Link to the next page");
        }
    }
}
