package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.FlowView;
import io.flowgate.application.port.in.ManageFlowEndpointUseCase;
import io.flowgate.application.port.in.ManageFlowEndpointUseCase.EndpointChange;
import io.flowgate.application.port.in.ManageFlowsUseCase;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.in.QueryExecutionsUseCase;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowDefinition;
import io.flowgate.domain.flow.FlowId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** Flows, their endpoint security, their aliases and their executions. */
@Path("/orgs/{slug}/api/v1/flows")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class FlowsResource {

    record FlowRequest(String name, JsonNode definition) {
    }

    record AliasRequest(String alias) {
    }

    private final ManageFlowsUseCase flows;
    private final ManageFlowEndpointUseCase endpoints;
    private final QueryExecutionsUseCase executions;
    private final OrgUrls urls;

    public FlowsResource(ManageFlowsUseCase flows, ManageFlowEndpointUseCase endpoints,
                         QueryExecutionsUseCase executions, OrgUrls urls) {
        this.flows = flows;
        this.endpoints = endpoints;
        this.executions = executions;
        this.urls = urls;
    }

    @POST
    public Response create(@Context ContainerRequestContext request, FlowRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        RequestBodies.require(body);
        FlowView view = flows.createFlow(admin, RequestBodies.requireField(body.name(), "name"),
                definition(body.definition()));
        return Response.created(URI.create(self(admin) + "/" + view.flow().id())).entity(toJson(admin, view)).build();
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        PageRequest page = Paging.request(limit, after);
        return Paging.response(flows.listFlows(admin, page), page, URI.create(self(admin)),
                view -> view.flow().id().value(), view -> toJson(admin, view));
    }

    @GET
    @Path("/{flowId}")
    public ObjectNode get(@Context ContainerRequestContext request, @PathParam("flowId") String flowId) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        return toJson(admin, flows.getFlow(admin, id(flowId)));
    }

    @PUT
    @Path("/{flowId}")
    public ObjectNode revise(@Context ContainerRequestContext request, @PathParam("flowId") String flowId,
                             FlowRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        RequestBodies.require(body);
        return toJson(admin, flows.reviseFlow(admin, id(flowId), RequestBodies.requireField(body.name(), "name"),
                definition(body.definition())));
    }

    @POST
    @Path("/{flowId}/lifecycle/activate")
    public ObjectNode activate(@Context ContainerRequestContext request, @PathParam("flowId") String flowId) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        return toJson(admin, flows.activateFlow(admin, id(flowId)));
    }

    @POST
    @Path("/{flowId}/lifecycle/deactivate")
    public ObjectNode deactivate(@Context ContainerRequestContext request, @PathParam("flowId") String flowId) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        return toJson(admin, flows.deactivateFlow(admin, id(flowId)));
    }

    @DELETE
    @Path("/{flowId}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("flowId") String flowId) {
        flows.deleteFlow(AdminAuthenticationFilter.of(request), id(flowId));
        return Response.noContent().build();
    }

    @GET
    @Path("/{flowId}/endpoint")
    public ObjectNode endpoint(@Context ContainerRequestContext request, @PathParam("flowId") String flowId) {
        return EndpointJson.toJson(endpoints.getEndpoint(AdminAuthenticationFilter.of(request), id(flowId)));
    }

    @PUT
    @Path("/{flowId}/endpoint")
    public ObjectNode secure(@Context ContainerRequestContext request, @PathParam("flowId") String flowId,
                             JsonNode body) {
        EndpointChange change = endpoints.setEndpoint(AdminAuthenticationFilter.of(request), id(flowId),
                EndpointJson.fromJson(body));
        return withClientToken(change);
    }

    @POST
    @Path("/{flowId}/endpoint/client-token")
    public ObjectNode regenerateClientToken(@Context ContainerRequestContext request,
                                            @PathParam("flowId") String flowId) {
        return withClientToken(endpoints.regenerateClientToken(AdminAuthenticationFilter.of(request), id(flowId)));
    }

    @POST
    @Path("/{flowId}/aliases")
    public Response addAlias(@Context ContainerRequestContext request, @PathParam("flowId") String flowId,
                             AliasRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        Optional<FlowAlias> alias = Optional.ofNullable(body).map(AliasRequest::alias).map(FlowAlias::new);
        FlowView view = flows.addAlias(admin, id(flowId), alias);
        return Response.status(Response.Status.CREATED).entity(toJson(admin, view)).build();
    }

    @DELETE
    @Path("/{flowId}/aliases/{alias}")
    public Response removeAlias(@Context ContainerRequestContext request, @PathParam("flowId") String flowId,
                                @PathParam("alias") String alias) {
        flows.removeAlias(AdminAuthenticationFilter.of(request), id(flowId), PathIds.parse(alias, FlowAlias::new));
        return Response.noContent().build();
    }

    @GET
    @Path("/{flowId}/executions")
    public Response executions(@Context ContainerRequestContext request, @PathParam("flowId") String flowId,
                               @QueryParam("limit") String limit, @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        PageRequest page = Paging.request(limit, after);
        FlowId flow = id(flowId);
        return Paging.response(executions.listExecutions(admin, flow, page), page,
                URI.create(self(admin) + "/" + flow + "/executions"),
                execution -> execution.id().value(), ExecutionsResource::toJson);
    }

    /**
     * Only the outer shape is checked here, so that a definition that is no object with a steps
     * array is refused at {@code /definition}; the service has the flow language validate the steps.
     */
    private static FlowDefinition definition(JsonNode definition) {
        if (definition == null || definition.isNull()) {
            throw new InvalidValue("definition", "definition is required");
        }
        if (!definition.isObject() || !definition.path("steps").isArray()) {
            throw new InvalidValue("definition", "definition must be a JSON object with a \"steps\" array");
        }
        return new FlowDefinition(definition.toString());
    }

    private ObjectNode toJson(AdminContext admin, FlowView view) {
        Flow flow = view.flow();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", flow.id().value());
        json.put("name", flow.name());
        json.put("status", flow.status().name());
        json.put("version", flow.version());
        json.set("definition", Json.readStored(flow.definition().json()));
        ArrayNode aliases = json.putArray("aliases");
        view.aliases().forEach(alias -> aliases.add(alias.value()));
        json.put("invokeUrl", view.primaryAlias()
                .map(alias -> urls.issuer(admin.slug()) + "/api/flo/" + alias + "/invoke")
                .orElse(null));
        json.set("endpoint", EndpointJson.toJson(flow.endpoint()));
        json.put("created", flow.created().toString());
        json.put("lastUpdated", flow.lastUpdated().toString());
        return json;
    }

    private static ObjectNode withClientToken(EndpointChange change) {
        ObjectNode json = EndpointJson.toJson(change.settings());
        change.clientToken().ifPresent(token -> json.put("clientToken", token));
        return json;
    }

    private String self(AdminContext admin) {
        return urls.issuer(admin.slug()) + "/api/v1/flows";
    }

    private static FlowId id(String raw) {
        return PathIds.parse(raw, FlowId::new);
    }
}
