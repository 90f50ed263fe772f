package io.flowgate.adapter.in.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The authorization server's endpoints speak OAuth, not problem details: every answer under an
 * org's {@code /oauth2/} is {@code Cache-Control: no-store}, and an error raised by the HTTP stack (405,
 * 413, 415, 404 ...) is turned into {@code {"error","error_description"}} here, in one place.
 */
public final class OAuthErrorFormat implements ContainerResponseFilter {

    static final String NO_STORE = "no-store";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!OrgRoutes.isOAuth(request.getUriInfo().getPath())) {
            return;
        }
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
            response.getHeaders().putSingle("Pragma", "no-cache");
        }
        if (response.getEntity() instanceof Problem problem) {
            response.setEntity(OAuthResource.body(code(problem.status()), describe(problem)),
                    null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** These endpoints take forms (RFC 6749 §4.4.2): a 415 says so, unless it is about the charset. */
    private static String describe(Problem problem) {
        return problem.status() == 415 && !problem.detail().equals(RequestCharset.UNSUPPORTED)
                ? "send the request body as application/x-www-form-urlencoded"
                : problem.detail();
    }

    private static String code(int status) {
        return switch (status) {
            case 401 -> "invalid_client";
            case 500 -> "server_error";
            case 503 -> "temporarily_unavailable";
            default -> "invalid_request";
        };
    }
}
