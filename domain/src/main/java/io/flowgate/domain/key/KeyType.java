package io.flowgate.domain.key;

/** The JWK key types Flowgate accepts ({@code kty}); symmetric keys are never accepted. */
public enum KeyType {
    RSA,
    EC,
    OKP
}
