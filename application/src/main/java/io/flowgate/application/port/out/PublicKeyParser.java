package io.flowgate.application.port.out;

/**
 * Reads a JWK an admin uploads for an app. Only public, asymmetric signing keys of the supported
 * kinds pass: RSA of 2048 bits or more, EC on P-256/P-384/P-521, OKP Ed25519.
 */
public interface PublicKeyParser {

    /**
     * @throws io.flowgate.domain.InvalidValue naming the offending JWK member (a private member, a
     *     symmetric or weak key, an unsupported curve, an {@code alg} or {@code use} that does not fit)
     */
    ParsedPublicKey parse(String jwkJson);
}
