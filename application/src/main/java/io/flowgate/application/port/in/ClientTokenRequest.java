package io.flowgate.application.port.in;

import io.flowgate.domain.org.OrgSlug;
import java.util.Objects;
import java.util.Optional;

/**
 * An introspection (RFC 7662) or revocation (RFC 7009) request: the client authenticates as at the
 * token endpoint, and names a token.
 */
public record ClientTokenRequest(OrgSlug slug, Optional<String> clientAssertionType, Optional<String> clientAssertion,
                                 Optional<String> clientId, boolean otherClientAuthentication, Optional<String> token) {

    public ClientTokenRequest {
        Objects.requireNonNull(slug);
    }
}
