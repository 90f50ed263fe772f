package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.RevokedTokenStore;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;

/** Plain SQL like the replay store: one statement each, atomic on every node. */
public final class JpaRevokedTokenStore implements RevokedTokenStore {

    private final JpaUnitOfWork unitOfWork;

    public JpaRevokedTokenStore(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void revoke(OrgId orgId, String jwtId, Instant expiresAt) {
        unitOfWork.changed(orgId);
        unitOfWork.entityManager()
                .createNativeQuery("""
                        insert into revoked_tokens (org_id, jti, expires_at)
                        values (:org, :jti, :expiresAt)
                        on conflict do nothing""")
                .setParameter("org", orgId.value())
                .setParameter("jti", jwtId)
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
    }

    @Override
    public boolean isRevoked(OrgId orgId, String jwtId) {
        return unitOfWork.read(orgId, new Revoked(jwtId), () -> !unitOfWork.entityManager()
                .createNativeQuery("select 1 from revoked_tokens where org_id = :org and jti = :jti")
                .setParameter("org", orgId.value())
                .setParameter("jti", jwtId)
                .getResultList()
                .isEmpty());
    }

    /** The cache key of a revocation check. */
    private record Revoked(String jwtId) {
    }

    @Override
    public int purgeExpired(Instant now) {
        return unitOfWork.entityManager()
                .createNativeQuery("delete from revoked_tokens where expires_at < :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
