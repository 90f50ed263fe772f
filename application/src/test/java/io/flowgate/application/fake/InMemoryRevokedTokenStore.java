package io.flowgate.application.fake;

import io.flowgate.application.port.out.RevokedTokenStore;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryRevokedTokenStore implements RevokedTokenStore {

    private record Key(OrgId orgId, String jwtId) {
    }

    private final Map<Key, Instant> revoked = new ConcurrentHashMap<>();

    @Override
    public void revoke(OrgId orgId, String jwtId, Instant expiresAt) {
        revoked.putIfAbsent(new Key(orgId, jwtId), expiresAt);
    }

    @Override
    public boolean isRevoked(OrgId orgId, String jwtId) {
        return revoked.containsKey(new Key(orgId, jwtId));
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = revoked.size();
        revoked.values().removeIf(expiresAt -> expiresAt.isBefore(now));
        return before - revoked.size();
    }
}
