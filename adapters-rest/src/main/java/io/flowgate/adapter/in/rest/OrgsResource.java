package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowgate.application.port.in.CreateOrgCommand;
import io.flowgate.application.port.in.CreateOrgUseCase;
import io.flowgate.application.port.in.GetOrgUseCase;
import io.flowgate.application.port.in.ListOrgsUseCase;
import io.flowgate.application.port.in.OrgCreated;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The operator API: create and list orgs. */
@Path("/api/v1/orgs")
@OperatorAuthenticated
@Produces(MediaType.APPLICATION_JSON)
public final class OrgsResource {

    record CreateOrgRequest(String slug, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrgResponse(String id, String slug, String name, String issuer, String created, String adminToken) {
    }

    private final CreateOrgUseCase createOrg;
    private final ListOrgsUseCase listOrgs;
    private final GetOrgUseCase getOrg;
    private final OrgUrls urls;

    public OrgsResource(CreateOrgUseCase createOrg, ListOrgsUseCase listOrgs, GetOrgUseCase getOrg, OrgUrls urls) {
        this.createOrg = createOrg;
        this.listOrgs = listOrgs;
        this.getOrg = getOrg;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateOrgRequest request) {
        if (request == null) {
            throw new InvalidValue("", "the request body must be a JSON object with slug and name");
        }
        if (request.slug() == null) {
            throw new InvalidValue("slug", "slug is required");
        }
        OrgCreated created = createOrg.createOrg(new CreateOrgCommand(new OrgSlug(request.slug()), request.name()));
        return Response.created(URI.create(self() + "/" + created.org().id()))
                .entity(toResponse(created.org(), created.adminToken()))
                .build();
    }

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = Paging.request(limit, after);
        return Paging.response(listOrgs.listOrgs(page), page, URI.create(self()),
                org -> org.id().value(), org -> toResponse(org, null));
    }

    @GET
    @Path("/{id}")
    public OrgResponse get(@PathParam("id") String id) {
        return toResponse(getOrg.getOrg(PathIds.parse(id, OrgId::new)), null);
    }

    private String self() {
        return urls.publicUrl() + "/api/v1/orgs";
    }

    private OrgResponse toResponse(Org org, String adminToken) {
        return new OrgResponse(org.id().value(), org.slug().value(), org.name(), urls.issuer(org.slug()),
                org.created().toString(), adminToken);
    }
}
