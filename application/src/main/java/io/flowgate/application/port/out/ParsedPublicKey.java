package io.flowgate.application.port.out;

import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.KeyType;
import io.flowgate.domain.key.Kid;
import java.util.Objects;

/**
 * An accepted public key: its kid (the given one, else its RFC 7638 thumbprint), its type, the
 * algorithm it signs with (the given {@code alg}, else the one its type and curve imply), and the
 * public JWK as JSON with {@code kid}, {@code alg} and {@code "use":"sig"} set and nothing private.
 */
public record ParsedPublicKey(Kid kid, KeyType keyType, JwsAlgorithm algorithm, String publicJwkJson) {

    public ParsedPublicKey {
        Objects.requireNonNull(kid);
        Objects.requireNonNull(keyType);
        Objects.requireNonNull(algorithm);
        Objects.requireNonNull(publicJwkJson);
    }
}
