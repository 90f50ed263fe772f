package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageAppKeysUseCase;
import io.flowgate.application.port.in.ManageAppKeysUseCase.GeneratedAppKey;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
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

/** An app's public keys: uploaded as a JWK, or generated with the private half returned once. */
@Path("/orgs/{slug}/api/v1/apps/{appId}/credentials/jwks")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AppKeysResource {

    record GenerateRequest(String alg) {
    }

    private final ManageAppKeysUseCase keys;
    private final OrgUrls urls;

    public AppKeysResource(ManageAppKeysUseCase keys, OrgUrls urls) {
        this.keys = keys;
        this.urls = urls;
    }

    /** The body is the JWK itself, read as text so the key parser sees exactly what was sent. */
    @POST
    public Response add(@Context ContainerRequestContext request, @PathParam("appId") String appId, String jwk) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        AppId app = PathIds.parse(appId, AppId::new);
        AppKey key = keys.addPublicKey(admin, app, RequestBodies.require(jwk.isBlank() ? null : jwk));
        return Response.created(location(admin, app, key)).entity(toJson(key)).build();
    }

    @POST
    @Path("/generate")
    public Response generate(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                             GenerateRequest body) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        AppId app = PathIds.parse(appId, AppId::new);
        String alg = RequestBodies.requireField(RequestBodies.require(body).alg(), "alg");
        GeneratedAppKey generated = keys.generateKey(admin, app, JwsAlgorithm.fromJoseName(alg));
        ObjectNode json = toJson(generated.key());
        json.set("privateJwk", Json.readObject(generated.pair().privateJwkJson()));
        json.put("privateKeyPem", generated.pair().privateKeyPem());
        return Response.created(location(admin, app, generated.key())).entity(json).build();
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                         @QueryParam("limit") String limit, @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        AppId app = PathIds.parse(appId, AppId::new);
        PageRequest page = Paging.request(limit, after);
        List<AppKey> slice = Paging.slice(keys.listKeys(admin, app), page, key -> key.id().value());
        return Paging.response(slice, page,
                URI.create(urls.issuer(admin.slug()) + "/api/v1/apps/" + app + "/credentials/jwks"),
                key -> key.id().value(), AppKeysResource::toJson);
    }

    @GET
    @Path("/{keyId}")
    public ObjectNode get(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                          @PathParam("keyId") String keyId) {
        return toJson(keys.getKey(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new),
                PathIds.parse(keyId, AppKeyId::new)));
    }

    @POST
    @Path("/{keyId}/lifecycle/activate")
    public ObjectNode activate(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                               @PathParam("keyId") String keyId) {
        return toJson(keys.activateKey(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new),
                PathIds.parse(keyId, AppKeyId::new)));
    }

    @POST
    @Path("/{keyId}/lifecycle/deactivate")
    public ObjectNode deactivate(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                                 @PathParam("keyId") String keyId) {
        return toJson(keys.deactivateKey(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new),
                PathIds.parse(keyId, AppKeyId::new)));
    }

    @DELETE
    @Path("/{keyId}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("appId") String appId,
                           @PathParam("keyId") String keyId) {
        keys.deleteKey(AdminAuthenticationFilter.of(request), PathIds.parse(appId, AppId::new),
                PathIds.parse(keyId, AppKeyId::new));
        return Response.noContent().build();
    }

    /** Our fields first, then the key's public JWK members (kty, alg, use, kid, n, e, crv, x, y). */
    static ObjectNode toJson(AppKey key) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", key.id().value());
        json.put("kid", key.kid().value());
        json.put("status", key.status().name());
        json.setAll(Json.readObject(key.publicJwk()));
        json.put("created", key.created().toString());
        json.put("lastUpdated", key.lastUpdated().toString());
        return json;
    }

    private URI location(AdminContext admin, AppId app, AppKey key) {
        return URI.create(urls.issuer(admin.slug()) + "/api/v1/apps/" + app + "/credentials/jwks/" + key.id());
    }
}
