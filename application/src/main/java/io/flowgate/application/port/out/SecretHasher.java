package io.flowgate.application.port.out;

import io.flowgate.domain.SecretHash;

/** Turns a bearer secret into the only form that is ever stored. Deterministic, so a hash can be looked up. */
public interface SecretHasher {

    SecretHash hash(String secret);
}
