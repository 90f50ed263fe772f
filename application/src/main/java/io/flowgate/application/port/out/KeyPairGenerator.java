package io.flowgate.application.port.out;

import io.flowgate.domain.key.JwsAlgorithm;

/** Makes a fresh key pair for "Generate new key": the private half is returned once, never stored. */
public interface KeyPairGenerator {

    GeneratedKeyPair generate(JwsAlgorithm algorithm);

    /**
     * @param privateJwkJson the private key as a JWK (with the same kid and alg as the public one)
     * @param privateKeyPem the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----})
     */
    record GeneratedKeyPair(ParsedPublicKey publicKey, String privateJwkJson, String privateKeyPem) {

        @Override
        public String toString() {
            return "GeneratedKeyPair[" + publicKey.kid() + ", private parts redacted]";
        }
    }
}
