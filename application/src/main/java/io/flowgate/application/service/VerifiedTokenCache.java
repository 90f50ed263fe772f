package io.flowgate.application.service;

import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose signature already verified, keyed by a hash of the token, kept until they
 * expire: clients reuse a token for an hour, so its signature is checked once, not per call. Only
 * the signature is cached; revocation and the app's status are checked on every call.
 */
// Public only so that the hot-path benchmark in bootstrap's test sources measures this very cache.
public final class VerifiedTokenCache {

    /** Past this many entries the cache starts over, so a flood of distinct tokens cannot grow it without end. */
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, AccessTokenClaims> verified = new ConcurrentHashMap<>();

    public Optional<AccessTokenClaims> get(String tokenHash, Instant now) {
        AccessTokenClaims claims = verified.get(tokenHash);
        if (claims != null && !claims.expiresAt().isAfter(now)) {
            verified.remove(tokenHash);
            return Optional.empty();
        }
        return Optional.ofNullable(claims);
    }

    public void put(String tokenHash, AccessTokenClaims claims) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(tokenHash, claims);
    }
}
