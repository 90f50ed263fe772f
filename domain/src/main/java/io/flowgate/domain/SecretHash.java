package io.flowgate.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The stored form of a bearer secret (admin token, flow client token): never the secret itself.
 * Comparison is constant-time so a caller cannot learn a prefix from response timing.
 */
public record SecretHash(String value) {

    public SecretHash {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("secretHash", "secret hash must not be blank");
        }
    }

    public boolean matches(SecretHash other) {
        return other != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SecretHash[redacted]";
    }
}
