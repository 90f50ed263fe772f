package io.flowgate.application.port.out;

import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.domain.key.SigningKey;
import java.util.List;
import java.util.Optional;

/** Checks that a bearer token is one of ours: the format and cryptography half of access-token validation. */
public interface AccessTokenVerifier {

    /**
     * The token's claims when it is a JWS with {@code typ: at+jwt}, signed by one of {@code keys} (found
     * by its {@code kid}), with {@code iss} and {@code aud} both equal to {@code issuer}, and with all
     * the claims an access token carries. Empty for anything else. Expiry and revocation are the
     * caller's to check.
     */
    Optional<AccessTokenClaims> verify(String token, List<SigningKey> keys, String issuer);
}
