package io.flowgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryReplayStore;
import io.flowgate.application.fake.InMemoryRevokedTokenStore;
import io.flowgate.application.fake.SettableClock;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiredEntriesPurgeTest {

    private final SettableClock clock = new SettableClock();
    private final InMemoryReplayStore replays = new InMemoryReplayStore();
    private final InMemoryRevokedTokenStore revocations = new InMemoryRevokedTokenStore();
    private final ExpiredEntriesPurge purge = new ExpiredEntriesPurge(new DirectUnitOfWork(), replays, revocations,
            clock);
    private final OrgId org = new OrgId("org1");
    private final AppId app = new AppId("app1");

    @Test
    void expiredEntries_areForgotten_liveOnesKept() {
        replays.firstUse(org, app, "old", clock.now().plusSeconds(10));
        replays.firstUse(org, app, "live", clock.now().plusSeconds(120));
        revocations.revoke(org, "old-token", clock.now().plusSeconds(10));
        revocations.revoke(org, "live-token", clock.now().plusSeconds(120));
        clock.advance(Duration.ofSeconds(60));

        purge.run();

        assertThat(replays.firstUse(org, app, "old", clock.now().plusSeconds(60))).as("old jti usable again").isTrue();
        assertThat(replays.firstUse(org, app, "live", clock.now().plusSeconds(60))).as("live jti still seen").isFalse();
        assertThat(revocations.isRevoked(org, "old-token")).isFalse();
        assertThat(revocations.isRevoked(org, "live-token")).isTrue();
    }
}
