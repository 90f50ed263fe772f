package io.flowgate.application.port.in;

import java.util.Optional;

/** RFC 7009: a client revokes one of its own access tokens before it expires. */
public interface RevokeTokenUseCase {

    /**
     * Empty when the request was accepted (whether or not the token was valid: RFC 7009 §2.2 answers
     * the same either way), else the refusal of the client's authentication.
     *
     * @throws io.flowgate.domain.NotFound when there is no such org
     */
    Optional<IntrospectTokenUseCase.IntrospectionRefused> revoke(ClientTokenRequest request);
}
