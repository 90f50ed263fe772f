package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.AuthenticateAdminUseCase;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.org.OrgSlug;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Resolves the org admin from the token and the org in the URL. An unknown org, an unknown token
 * and another org's token get the same 401, so the answer reveals nothing about other orgs.
 */
@AdminAuthenticated
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ADMIN = AdminContext.class.getName();

    private final AuthenticateAdminUseCase admins;

    public AdminAuthenticationFilter(AuthenticateAdminUseCase admins) {
        this.admins = admins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<AdminContext> admin = slug(request.getUriInfo().getPathParameters().getFirst("slug"))
                .flatMap(slug -> SswsCredentials.token(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                        .flatMap(token -> admins.authenticate(slug, token)));
        if (admin.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                            "send an admin token of this org as 'Authorization: SSWS <token>'"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "SSWS realm=\"flowgate\"")
                    .build());
            return;
        }
        request.setProperty(ADMIN, admin.get());
    }

    /** The admin the filter authenticated for this request; resources call this first. */
    static AdminContext of(ContainerRequestContext request) {
        return (AdminContext) request.getProperty(ADMIN);
    }

    private static Optional<OrgSlug> slug(String raw) {
        try {
            return Optional.of(new OrgSlug(raw));
        } catch (InvalidValue e) {
            return Optional.empty();
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
