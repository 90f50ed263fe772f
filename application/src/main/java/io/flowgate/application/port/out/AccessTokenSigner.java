package io.flowgate.application.port.out;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.scope.ScopeName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Signs access tokens (RFC 9068 JWTs, {@code typ: at+jwt}) with an org's signing key. */
public interface AccessTokenSigner {

    /** The compact JWS: header {@code alg}, {@code kid}, {@code typ: at+jwt}; the claims below plus {@code ver: 1}. */
    String sign(SigningKey key, AccessTokenClaims claims);

    /** {@code aud} is the issuer, {@code sub} and {@code cid} the client id, {@code scp} the scopes. */
    record AccessTokenClaims(String jwtId, String issuer, AppId clientId, List<ScopeName> scopes, Instant issuedAt,
                             Instant expiresAt) {

        public AccessTokenClaims {
            Objects.requireNonNull(jwtId);
            Objects.requireNonNull(issuer);
            Objects.requireNonNull(clientId);
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(issuedAt);
            Objects.requireNonNull(expiresAt);
        }
    }
}
