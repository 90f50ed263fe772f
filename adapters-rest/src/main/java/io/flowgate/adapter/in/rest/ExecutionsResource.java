package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.application.port.in.QueryExecutionsUseCase;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.execution.StepTrace;
import io.flowgate.domain.scope.ScopeName;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** One execution with its caller and step trace. Listing is per flow, under the flow. */
@Path("/orgs/{slug}/api/v1/executions/{executionId}")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
public final class ExecutionsResource {

    private final QueryExecutionsUseCase executions;

    public ExecutionsResource(QueryExecutionsUseCase executions) {
        this.executions = executions;
    }

    @GET
    public ObjectNode get(@Context ContainerRequestContext request, @PathParam("executionId") String executionId) {
        return toJson(executions.getExecution(AdminAuthenticationFilter.of(request),
                PathIds.parse(executionId, ExecutionId::new)));
    }

    static ObjectNode toJson(Execution execution) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", execution.id().value());
        json.put("flowId", execution.flowId().value());
        json.put("flowVersion", execution.flowVersion());
        json.put("status", execution.status().name());
        ObjectNode caller = json.putObject("caller");
        caller.put("clientId", execution.caller().clientId().map(Object::toString).orElse(null));
        ArrayNode scopes = caller.putArray("scopes");
        execution.caller().scopes().stream().map(ScopeName::value).sorted().forEach(scopes::add);
        caller.put("security", execution.caller().security().name());
        json.put("started", execution.started().toString());
        json.put("finished", execution.finished().map(Object::toString).orElse(null));
        json.put("error", execution.error().orElse(null));
        ArrayNode steps = json.putArray("steps");
        for (StepTrace step : execution.steps()) {
            ObjectNode node = steps.addObject();
            node.put("id", step.stepId());
            node.put("card", step.card());
            node.put("status", step.status().name());
            node.put("started", step.started().toString());
            node.put("durationMicros", step.duration().toNanos() / 1_000);
            node.put("input", step.input());
            node.put("output", step.output());
            node.put("error", step.error());
        }
        return json;
    }
}
