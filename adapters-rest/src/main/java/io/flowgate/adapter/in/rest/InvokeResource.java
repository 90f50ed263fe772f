package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.InvokeFlowUseCase;
import io.flowgate.application.port.in.InvokeFlowUseCase.Answered;
import io.flowgate.application.port.in.InvokeFlowUseCase.FlowError;
import io.flowgate.application.port.in.InvokeFlowUseCase.FlowInactive;
import io.flowgate.application.port.in.InvokeFlowUseCase.FlowNotFound;
import io.flowgate.application.port.in.InvokeFlowUseCase.Invocation;
import io.flowgate.application.port.in.InvokeFlowUseCase.InvocationResult;
import io.flowgate.application.port.in.InvokeFlowUseCase.PresentedCredential;
import io.flowgate.application.port.in.InvokeFlowUseCase.RateLimited;
import io.flowgate.application.port.in.InvokeFlowUseCase.Ran;
import io.flowgate.application.port.in.InvokeFlowUseCase.Refused;
import io.flowgate.application.port.in.InvokeFlowUseCase.TimedOut;
import io.flowgate.domain.flow.language.Response.Json;
import io.flowgate.domain.flow.language.Response.Raw;
import io.flowgate.domain.flow.language.json.JsonWriter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.glassfish.grizzly.http.server.Request;

/** A flow's invoke URL: the request goes to the flow, the flow's output comes back as the response. */
@Path("/orgs/{slug}/api/flo/{alias}/invoke")
public final class InvokeResource {

    static final String EXECUTION_ID = "x-flowgate-execution-id";
    static final String ALLOWED = "GET, POST";
    /** Framing, and which execution answered, are the server's business: a flow's raw response cannot set these. */
    private static final Set<String> SERVER_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "upgrade", "date", EXECUTION_ID);

    private static final int SMALL_ANSWER_CHARACTERS = 16 * 1024;

    private final InvokeFlowUseCase invocations;

    public InvokeResource(InvokeFlowUseCase invocations) {
        this.invocations = invocations;
    }

    @GET
    public void get(@PathParam("slug") String slug, @PathParam("alias") String alias,
                    @Context ContainerRequestContext request, @Context Request grizzlyRequest,
                    @Suspended AsyncResponse answer) {
        invoke(slug, alias, request, "", grizzlyRequest, answer);
    }

    @POST
    public void post(@PathParam("slug") String slug, @PathParam("alias") String alias,
                     @Context ContainerRequestContext request, @Context Request grizzlyRequest,
                     @Suspended AsyncResponse answer, String body) {
        invoke(slug, alias, request, body == null ? "" : body, grizzlyRequest, answer);
    }

    @PUT
    public Response put() {
        return notAllowed();
    }

    @DELETE
    public Response delete() {
        return notAllowed();
    }

    @PATCH
    public Response patch() {
        return notAllowed();
    }

    @HEAD
    public Response head() {
        return notAllowed();
    }

    @OPTIONS
    public Response options() {
        return notAllowed();
    }

    private static Response notAllowed() {
        return Response.fromResponse(Problem.response(Response.Status.METHOD_NOT_ALLOWED,
                        "invoke a flow with GET or POST"))
                .header(HttpHeaders.ALLOW, ALLOWED)
                .build();
    }

    /**
     * A flow that ran is answered once its execution is committed. The worker does not wait for that: the
     * commit completes on the writer's thread, which hands the answer to the connection's selector thread
     * ({@link ConnectionThread}), or to a worker when the answer is large. Anything else is answered at once.
     */
    private void invoke(String slug, String alias, ContainerRequestContext request, String body,
                        Request grizzlyRequest, AsyncResponse answer) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        Map<String, String> query = new LinkedHashMap<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        InvocationResult result = invocations.invoke(new Invocation(slug, alias, request.getMethod(),
                "/" + request.getUriInfo().getPath(), query, headers, body,
                Optional.ofNullable(request.getHeaderString(HttpHeaders.CONTENT_TYPE)),
                credential(request.getHeaderString(HttpHeaders.AUTHORIZATION)),
                Optional.ofNullable(request.getHeaderString("x-api-client-token")),
                Optional.ofNullable(query.get("clientToken"))));
        Response response = respond(result);
        CompletableFuture<Void> recorded = result instanceof Ran ran ? ran.recorded()
                : CompletableFuture.completedFuture(null);
        if (recorded.isDone()) {
            resume(answer, recorded, response);
        } else {
            recorded.whenCompleteAsync((done, failure) -> resume(answer, recorded, response),
                    isSmall(response) ? new ConnectionThread(grizzlyRequest) : ConnectionThread.worker(grizzlyRequest));
        }
    }

    private static void resume(AsyncResponse answer, CompletableFuture<Void> recorded, Response response) {
        try {
            recorded.join();
            answer.resume(response);
        } catch (CompletionException e) {
            answer.resume(e.getCause());
        }
    }

    /**
     * Small enough for the selector to write: in UTF-8 at most three times as many bytes, which leave at once or
     * queue below the point at which Grizzly's write waits (ConnectionThread). A flow's answer can be up to 1 MiB.
     */
    private static boolean isSmall(Response response) {
        Object entity = response.getEntity();
        long characters = entity instanceof String text ? text.length()
                : entity instanceof Problem problem ? String.valueOf(problem.detail()).length() : 0;
        for (Map.Entry<String, List<String>> header : response.getStringHeaders().entrySet()) {
            characters += header.getKey().length() + String.join(",", header.getValue()).length();
        }
        return characters <= SMALL_ANSWER_CHARACTERS;
    }

    static PresentedCredential credential(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
            return new PresentedCredential.NoCredential();
        }
        String rest = authorization.substring(6);
        if (!rest.startsWith(" ")) {
            return rest.isEmpty() ? new PresentedCredential.MalformedBearer() : new PresentedCredential.NoCredential();
        }
        String token = rest.substring(1);
        return isB64Token(token) ? new PresentedCredential.Bearer(token) : new PresentedCredential.MalformedBearer();
    }

    /**
     * RFC 6750 §2.1 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. Checked
     * by hand: a regular expression matching the ~900 characters of an access token, one call per character,
     * was a seventh of an invocation's server CPU.
     */
    private static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static Response respond(InvocationResult result) {
        if (result instanceof FlowNotFound) {
            return Problem.response(Response.Status.NOT_FOUND, "there is no flow at this URL");
        }
        if (result instanceof Refused refused) {
            Response.ResponseBuilder builder = Response.fromResponse(
                    Problem.response(Response.Status.fromStatusCode(refused.status()), refused.description()));
            if (refused.bearerChallenge()) {
                builder.header(HttpHeaders.WWW_AUTHENTICATE, challenge(refused));
            }
            return builder.build();
        }
        if (result instanceof FlowInactive) {
            return Problem.response(Response.Status.CONFLICT, "this flow is not active");
        }
        if (result instanceof RateLimited limited) {
            return Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS,
                            "this flow's rate limit is reached; retry later"))
                    .header("Retry-After", limited.retryAfterSeconds())
                    .build();
        }
        Ran ran = (Ran) result;
        String executionId = ran.executionId().value();
        Response response;
        if (ran.answer() instanceof Answered answered) {
            response = answer(answered.response());
        } else if (ran.answer() instanceof FlowError error) {
            response = Problem.response(Response.Status.INTERNAL_SERVER_ERROR, error.message());
        } else if (ran.answer() instanceof TimedOut) {
            response = Problem.response(Response.Status.GATEWAY_TIMEOUT,
                    "the flow ran past its time limit (execution " + executionId + ")");
        } else {
            response = Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                    "the flow failed (execution " + executionId + ")");
        }
        return Response.fromResponse(response).header(EXECUTION_ID, executionId).build();
    }

    private static Response answer(io.flowgate.domain.flow.language.Response response) {
        if (response instanceof Json json) {
            return Response.ok(JsonWriter.compact(json.body()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Raw raw = (Raw) response;
        Response.ResponseBuilder builder = Response.status(raw.statusCode()).entity(raw.body());
        boolean typed = false;
        for (Map.Entry<String, String> header : raw.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (SERVER_HEADERS.contains(name)) {
                continue;
            }
            typed |= name.equals("content-type");
            builder.header(header.getKey(), header.getValue());
        }
        if (!typed) {
            builder.type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"));
        }
        return builder.build();
    }

    /** RFC 6750 §3: realm always; error, and scope for insufficient_scope, when there is one. Nothing from the request. */
    private static String challenge(Refused refused) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"flowgate\"");
        refused.error().ifPresent(error -> challenge.append(", error=\"").append(error).append('"'));
        refused.scope().ifPresent(scope -> challenge.append(", scope=\"").append(scope).append('"'));
        return challenge.toString();
    }
}
