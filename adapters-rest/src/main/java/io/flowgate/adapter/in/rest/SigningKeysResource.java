package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.application.port.in.ManageSigningKeysUseCase;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** The org authorization server's signing keys: public halves and status only, never private material. */
@Path("/orgs/{slug}/api/v1/authorization-server/keys")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
public final class SigningKeysResource {

    record RotateRequest(String alg) {
    }

    private final ManageSigningKeysUseCase signingKeys;

    public SigningKeysResource(ManageSigningKeysUseCase signingKeys) {
        this.signingKeys = signingKeys;
    }

    @GET
    public List<ObjectNode> list(@Context ContainerRequestContext request) {
        return signingKeys.listSigningKeys(AdminAuthenticationFilter.of(request)).stream()
                .map(SigningKeysResource::toJson)
                .toList();
    }

    /** The body is optional: without {@code alg} the new key uses the current key's algorithm. */
    @POST
    @Path("/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode rotate(@Context ContainerRequestContext request, RotateRequest body) {
        Optional<JwsAlgorithm> alg = Optional.ofNullable(body).map(RotateRequest::alg).map(JwsAlgorithm::fromJoseName);
        return toJson(signingKeys.rotateSigningKey(AdminAuthenticationFilter.of(request), alg));
    }

    private static ObjectNode toJson(SigningKey key) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("kid", key.kid().value());
        json.put("alg", key.algorithm().name());
        json.put("status", key.status().name());
        json.put("created", key.created().toString());
        json.put("statusChanged", key.statusChanged().toString());
        json.set("publicJwk", Json.readObject(key.publicJwk()));
        return json;
    }
}
