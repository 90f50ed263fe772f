package io.flowgate.application.port.out;

import io.flowgate.domain.org.OrgId;
import java.time.Instant;

/** Access tokens revoked before their expiry (RFC 7009), shared by every node until they would have expired. */
public interface RevokedTokenStore {

    /** Idempotent: revoking a revoked token changes nothing. */
    void revoke(OrgId orgId, String jwtId, Instant expiresAt);

    boolean isRevoked(OrgId orgId, String jwtId);

    /** Forgets revocations of tokens that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
