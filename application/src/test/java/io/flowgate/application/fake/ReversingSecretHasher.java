package io.flowgate.application.fake;

import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.domain.SecretHash;

/** Deterministic and visibly not the secret, which is all a service may rely on. */
public final class ReversingSecretHasher implements SecretHasher {

    @Override
    public SecretHash hash(String secret) {
        return new SecretHash("hashed:" + new StringBuilder(secret).reverse());
    }
}
