package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.ManageFlowsUseCase;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Moving an alias to another flow: the invoke URL stays, the flow behind it changes. */
@Path("/orgs/{slug}/api/v1/aliases/{alias}")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AliasesResource {

    record MoveRequest(String flowId) {
    }

    record AliasResponse(String alias, String flowId) {
    }

    private final ManageFlowsUseCase flows;

    public AliasesResource(ManageFlowsUseCase flows) {
        this.flows = flows;
    }

    @PUT
    public Response move(@Context ContainerRequestContext request, @PathParam("alias") String alias,
                         MoveRequest body) {
        FlowAlias name = PathIds.parse(alias, FlowAlias::new);
        FlowId target = new FlowId(RequestBodies.requireField(RequestBodies.require(body).flowId(), "flowId"));
        flows.moveAlias(AdminAuthenticationFilter.of(request), name, target);
        return Response.ok(new AliasResponse(name.value(), target.value())).build();
    }
}
