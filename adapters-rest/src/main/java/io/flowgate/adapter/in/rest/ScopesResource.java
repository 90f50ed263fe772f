package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.ManageGrantsUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The scope catalog. A scope's id is its name, which is what grants and token requests use. */
@Path("/orgs/{slug}/api/v1/scopes")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
public final class ScopesResource {

    record ScopeResponse(String id, String name, String description) {
    }

    private final ManageGrantsUseCase grants;

    public ScopesResource(ManageGrantsUseCase grants) {
        this.grants = grants;
    }

    @GET
    public List<ScopeResponse> list() {
        return grants.listScopes().stream()
                .map(scope -> new ScopeResponse(scope.name().value(), scope.name().value(), scope.description()))
                .toList();
    }
}
