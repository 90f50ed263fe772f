package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public abstract class AbstractRevokedTokenStoreContractTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final OrgId acme = new OrgId("acme0000000000000001");
    private final OrgId globex = new OrgId("globex00000000000002");

    protected abstract RevokedTokenStore store();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void twoOrgs() {
        unitOfWork().run(() -> {
            orgs().add(Org.create(acme, new OrgSlug("acme"), "Acme", NOW));
            orgs().add(Org.create(globex, new OrgSlug("globex"), "Globex", NOW));
        });
    }

    @Test
    void revokedToken_isRevoked_inItsOrgOnly() {
        unitOfWork().run(() -> store().revoke(acme, "jti-1", NOW.plusSeconds(3600)));

        assertThat(unitOfWork().inTransaction(() -> store().isRevoked(acme, "jti-1"))).isTrue();
        assertThat(unitOfWork().inTransaction(() -> store().isRevoked(globex, "jti-1"))).isFalse();
        assertThat(unitOfWork().inTransaction(() -> store().isRevoked(acme, "jti-2"))).isFalse();
    }

    @Test
    void revokingTwice_isHarmless() {
        unitOfWork().run(() -> store().revoke(acme, "jti-1", NOW.plusSeconds(3600)));
        unitOfWork().run(() -> store().revoke(acme, "jti-1", NOW.plusSeconds(3600)));

        assertThat(unitOfWork().inTransaction(() -> store().isRevoked(acme, "jti-1"))).isTrue();
    }

    @Test
    void purge_forgetsOnlyRevocationsOfExpiredTokens() {
        unitOfWork().run(() -> {
            store().revoke(acme, "expired", NOW.minusSeconds(1));
            store().revoke(acme, "live", NOW.plusSeconds(60));
        });

        int purged = unitOfWork().inTransaction(() -> store().purgeExpired(NOW));

        assertThat(purged).isEqualTo(1);
        assertThat(unitOfWork().inTransaction(() -> store().isRevoked(acme, "expired"))).isFalse();
        assertThat(unitOfWork().inTransaction(() -> store().isRevoked(acme, "live"))).isTrue();
    }
}
