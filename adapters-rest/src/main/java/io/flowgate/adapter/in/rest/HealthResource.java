package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowgate.application.port.in.CheckReadinessUseCase;
import io.flowgate.application.port.in.CheckReadinessUseCase.NotReady;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness (the process answers) and readiness (it can serve: database reachable and migrated). */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    /** {@code reason} only when DOWN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, String reason) {
    }

    private static final Health UP = new Health("UP", null);

    private final CheckReadinessUseCase readiness;

    public HealthResource(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("/live")
    public Health live() {
        return UP;
    }

    @GET
    @Path("/ready")
    public Response ready() {
        return readiness.check() instanceof NotReady notReady
                ? Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(new Health("DOWN", notReady.reason())).build()
                : Response.ok(UP).build();
    }
}
