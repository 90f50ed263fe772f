package io.flowgate.adapter.out.oauth;

import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.domain.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256 of the secret. Enough for the secrets Flowgate issues itself (200+ random bits each): a
 * slow password hash would add nothing against guessing and would cost every authenticated call.
 * The hash is deterministic so a presented token can be looked up by it.
 */
public final class Sha256SecretHasher implements SecretHasher {

    @Override
    public SecretHash hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretHash("sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
