package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.CheckReadinessUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness (the process answers) and readiness (it can serve: database reachable and migrated). */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    record Health(String status) {
    }

    private final CheckReadinessUseCase readiness;

    public HealthResource(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("/live")
    public Health live() {
        return new Health("UP");
    }

    @GET
    @Path("/ready")
    public Response ready() {
        return readiness.isReady()
                ? Response.ok(new Health("UP")).build()
                : Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(new Health("DOWN")).build();
    }
}
