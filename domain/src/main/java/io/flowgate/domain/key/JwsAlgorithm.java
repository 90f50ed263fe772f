package io.flowgate.domain.key;

import io.flowgate.domain.InvalidValue;
import java.util.Arrays;

/** The asymmetric JWS algorithms Flowgate signs and verifies with, each bound to one key type. */
public enum JwsAlgorithm {
    RS256(KeyType.RSA), RS384(KeyType.RSA), RS512(KeyType.RSA),
    PS256(KeyType.RSA), PS384(KeyType.RSA), PS512(KeyType.RSA),
    ES256(KeyType.EC), ES384(KeyType.EC), ES512(KeyType.EC),
    EdDSA(KeyType.OKP);

    private final KeyType keyType;

    JwsAlgorithm(KeyType keyType) {
        this.keyType = keyType;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** Parses the exact JOSE name ({@code "ES256"}); anything else, {@code none} and HMAC included, is refused. */
    public static JwsAlgorithm fromJoseName(String name) {
        return Arrays.stream(values())
                .filter(alg -> alg.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidValue("alg", "alg must be one of " + Arrays.toString(values())));
    }
}
