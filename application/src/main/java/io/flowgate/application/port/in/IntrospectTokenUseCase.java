package io.flowgate.application.port.in;

import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import java.util.Optional;

/** RFC 7662: a client asks whether one of its own tokens is still good. */
public interface IntrospectTokenUseCase {

    sealed interface IntrospectionResult {
    }

    /** Active with its claims, or inactive (expired, revoked, unknown, not this client's: all look the same). */
    record Introspection(Optional<AccessTokenClaims> activeToken) implements IntrospectionResult {
    }

    record IntrospectionRefused(OAuthError error, String description) implements IntrospectionResult {
    }

    /** @throws io.flowgate.domain.NotFound when there is no such org */
    IntrospectionResult introspect(ClientTokenRequest request);
}
