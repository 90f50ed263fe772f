package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.application.port.in.IssueTokenUseCase;
import io.flowgate.application.port.in.IssueTokenUseCase.Issued;
import io.flowgate.application.port.in.IssueTokenUseCase.Refused;
import io.flowgate.application.port.in.IssueTokenUseCase.TokenRequest;
import io.flowgate.application.port.in.IssueTokenUseCase.TokenResult;
import io.flowgate.application.port.in.PublishKeysUseCase;
import io.flowgate.domain.scope.ScopeName;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.glassfish.grizzly.http.server.Request;

/** An org's authorization server: the token endpoint and the public signing keys. */
@Path("/orgs/{slug}/oauth2/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class OAuthResource {

    /** Clients may cache the keys briefly; a rotation keeps the previous key published meanwhile. */
    static final int JWKS_MAX_AGE_SECONDS = 300;

    private final IssueTokenUseCase tokens;
    private final PublishKeysUseCase keys;

    public OAuthResource(IssueTokenUseCase tokens, PublishKeysUseCase keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    /**
     * An issued token is answered once its assertion's use is committed. The worker does not wait for that: the
     * commit completes on the writer's thread, which hands the answer to the connection's selector thread
     * ({@link ConnectionThread}). A refusal found before the commit is answered at once, here.
     */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public void token(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      MultivaluedMap<String, String> fields, @Context Request request, @Suspended AsyncResponse answer) {
        OAuthForm form = new OAuthForm(fields, authorization);
        CompletableFuture<TokenResult> result = tokens.issueToken(new TokenRequest(OrgSlugs.parse(slug),
                form.field("grant_type"), form.field("scope"), form.field("client_assertion_type"),
                form.field("client_assertion"), form.field("client_id"), form.otherClientAuthentication(),
                form.hasRepeatedParameter()));
        if (result.isDone()) {
            resume(answer, result);
        } else {
            result.whenCompleteAsync((done, failure) -> resume(answer, result), new ConnectionThread(request));
        }
    }

    private static void resume(AsyncResponse answer, CompletableFuture<TokenResult> result) {
        try {
            answer.resume(response(result.join()));
        } catch (CompletionException e) {
            answer.resume(e.getCause());
        }
    }

    private static Response response(TokenResult result) {
        if (result instanceof Refused refused) {
            return error(refused.error().httpStatus(), refused.error().code(), refused.description());
        }
        Issued issued = (Issued) result;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresInSeconds());
        body.put("access_token", issued.accessToken());
        body.put("scope", issued.scopes().stream().map(ScopeName::value).collect(Collectors.joining(" ")));
        return Response.ok(body).build();
    }

    /** A token request by GET would put the assertion in logs and caches: refused, with the OAuth error shape. */
    @GET
    @Path("/token")
    public Response tokenByGet() {
        return Response.fromResponse(error(405, "invalid_request", "use POST with a form body"))
                .header(HttpHeaders.ALLOW, "POST")
                .build();
    }

    @GET
    @Path("/keys")
    public Response jwks(@PathParam("slug") String slug) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("keys");
        for (String jwk : keys.publicSigningKeys(OrgSlugs.parse(slug))) {
            array.add(Json.readObject(jwk));
        }
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "max-age=" + JWKS_MAX_AGE_SECONDS).build();
    }

    static Response error(int status, String code, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(code, description))
                .build();
    }

    /** {@code {"error","error_description"}}, in that order (RFC 6749 §5.2). */
    static Map<String, String> body(String code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }
}
