package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;

/**
 * Plain SQL rather than an entity: this runs on every token request, and its one job is a single
 * statement whose atomicity the primary key of {@code assertion_replays} provides on every node.
 */
public final class JpaReplayStore implements ReplayStore {

    private final JpaUnitOfWork unitOfWork;

    public JpaReplayStore(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public boolean firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt) {
        // Never read-then-write: a concurrent insert of the same key waits for the other
        // transaction and then does nothing, so exactly one caller sees a row inserted.
        int inserted = unitOfWork.entityManager()
                .createNativeQuery("""
                        insert into assertion_replays (org_id, client_id, jti, expires_at)
                        values (:org, :client, :jti, :expiresAt)
                        on conflict do nothing""")
                .setParameter("org", orgId.value())
                .setParameter("client", clientId.value())
                .setParameter("jti", jti)
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return unitOfWork.entityManager()
                .createNativeQuery("delete from assertion_replays where expires_at < :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
