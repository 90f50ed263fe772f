package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.AuthenticateOperatorUseCase;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Refuses a missing or wrong operator token before the resource (or its body parsing) runs. */
@OperatorAuthenticated
@Priority(Priorities.AUTHENTICATION)
public final class OperatorAuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final AuthenticateOperatorUseCase operators;

    public OperatorAuthenticationFilter(AuthenticateOperatorUseCase operators) {
        this.operators = operators;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean authenticated = SswsCredentials.token(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(operators::isOperatorToken)
                .orElse(false);
        if (!authenticated) {
            request.abortWith(Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                            "send the operator token as 'Authorization: SSWS <token>'"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "SSWS realm=\"flowgate\"")
                    .build());
        }
    }

    /**
     * Its answers hold tokens and keys shown once, and what an org has set up: no cache may keep
     * any of them.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, OAuthErrorFormat.NO_STORE);
    }
}
