package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageAppsUseCase;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
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

/** API service apps: the OAuth clients that call flows. */
@Path("/orgs/{slug}/api/v1/apps")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AppsResource {

    record AppRequest(String label) {
    }

    record AppResponse(String id, String clientId, String label, String status, String tokenEndpointAuthMethod,
                       String created, String lastUpdated) {

        static AppResponse of(App app) {
            return new AppResponse(app.id().value(), app.clientId().value(), app.label(), app.status().name(),
                    "private_key_jwt", app.created().toString(), app.lastUpdated().toString());
        }
    }

    private final ManageAppsUseCase apps;
    private final OrgUrls urls;

    public AppsResource(ManageAppsUseCase apps, OrgUrls urls) {
        this.apps = apps;
        this.urls = urls;
    }

    @POST
    public Response register(@Context ContainerRequestContext request, AppRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        App app = apps.registerApp(admin, RequestBodies.requireField(RequestBodies.require(body).label(), "label"));
        return Response.created(URI.create(self(admin) + "/" + app.id())).entity(AppResponse.of(app)).build();
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        PageRequest page = Paging.request(limit, after);
        return Paging.response(apps.listApps(admin, page), page, URI.create(self(admin)),
                app -> app.id().value(), AppResponse::of);
    }

    @GET
    @Path("/{appId}")
    public AppResponse get(@Context ContainerRequestContext request, @PathParam("appId") String appId) {
        return AppResponse.of(apps.getApp(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new)));
    }

    @PUT
    @Path("/{appId}")
    public AppResponse update(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                              AppRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        AppId id = PathIds.parse(appId, AppId::new);
        return AppResponse.of(apps.relabelApp(admin, id,
                RequestBodies.requireField(RequestBodies.require(body).label(), "label")));
    }

    @POST
    @Path("/{appId}/lifecycle/activate")
    public AppResponse activate(@Context ContainerRequestContext request, @PathParam("appId") String appId) {
        return AppResponse.of(apps.activateApp(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new)));
    }

    @POST
    @Path("/{appId}/lifecycle/deactivate")
    public AppResponse deactivate(@Context ContainerRequestContext request, @PathParam("appId") String appId) {
        return AppResponse.of(apps.deactivateApp(AdminAuthenticationFilter.of(request),
                PathIds.parse(appId, AppId::new)));
    }

    @DELETE
    @Path("/{appId}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("appId") String appId) {
        apps.deleteApp(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new));
        return Response.noContent().build();
    }

    private String self(AdminContext admin) {
        return urls.issuer(admin.slug()) + "/api/v1/apps";
    }
}
