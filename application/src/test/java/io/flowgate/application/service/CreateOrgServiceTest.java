package io.flowgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryAdminTokenRepository;
import io.flowgate.application.fake.CountingSigningKeyFactory;
import io.flowgate.application.fake.InMemoryOrgRepository;
import io.flowgate.application.fake.InMemorySigningKeyRepository;
import io.flowgate.application.fake.InMemorySystemLog;
import io.flowgate.application.fake.ReversingSecretHasher;
import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.application.fake.SequentialSecretGenerator;
import io.flowgate.application.fake.SettableClock;
import io.flowgate.application.port.in.CreateOrgCommand;
import io.flowgate.application.port.in.OrgCreated;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateOrgServiceTest {

    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final InMemoryAdminTokenRepository adminTokens = new InMemoryAdminTokenRepository();
    private final InMemorySystemLog systemLog = new InMemorySystemLog();
    private final InMemorySigningKeyRepository signingKeys = new InMemorySigningKeyRepository();
    private final SettableClock clock = new SettableClock();
    private final ReversingSecretHasher hasher = new ReversingSecretHasher();
    private final CreateOrgService service = new CreateOrgService(new DirectUnitOfWork(), orgs, adminTokens,
            signingKeys, new CountingSigningKeyFactory(), systemLog, clock, new SequentialIdGenerator(),
            new SequentialSecretGenerator(), hasher);

    private List<LogEvent> logged(OrgId orgId) {
        return systemLog.list(orgId, Instant.EPOCH, PageRequest.first(100));
    }

    @Test
    void newOrg_isStoredWithAFirstAdminToken_keptOnlyAsItsHash() {
        OrgCreated created = service.createOrg(new CreateOrgCommand(new OrgSlug("acme"), "Acme"));

        assertThat(orgs.findBySlug(new OrgSlug("acme"))).hasValueSatisfying(org -> {
            assertThat(org.id()).isEqualTo(created.org().id());
            assertThat(org.name()).isEqualTo("Acme");
            assertThat(org.created()).isEqualTo(clock.now());
        });
        AdminToken token = adminTokens.findByHash(hasher.hash(created.adminToken())).orElseThrow();
        assertThat(token.orgId()).isEqualTo(created.org().id());
        assertThat(token.name()).isEqualTo("initial");
        assertThat(token.tokenHash().value()).doesNotContain(created.adminToken());
    }

    @Test
    void newOrg_getsAnActiveRs256SigningKey() {
        OrgCreated created = service.createOrg(new CreateOrgCommand(new OrgSlug("acme"), "Acme"));

        assertThat(signingKeys.findActive(created.org().id())).hasValueSatisfying(key -> {
            assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.RS256);
            assertThat(key.signs()).isTrue();
            assertThat(key.created()).isEqualTo(clock.now());
        });
    }

    @Test
    void newOrg_isRecordedInItsSystemLog_asTheOperatorsChange() {
        OrgCreated created = service.createOrg(new CreateOrgCommand(new OrgSlug("acme"), "Acme"));

        assertThat(logged(created.org().id())).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(created.org().id());
            assertThat(event.eventType()).isEqualTo("org.created");
            assertThat(event.actor()).isEqualTo("operator");
            assertThat(event.outcome()).isEqualTo(LogEvent.Outcome.SUCCESS);
        });
    }

    @Test
    void takenSlug_isAConflict_andNoSecondTokenIsIssued() {
        OrgCreated first = service.createOrg(new CreateOrgCommand(new OrgSlug("acme"), "Acme"));

        assertThatThrownBy(() -> service.createOrg(new CreateOrgCommand(new OrgSlug("acme"), "Other")))
                .isInstanceOf(Conflict.class);

        assertThat(orgs.list(PageRequest.first(10))).hasSize(1);
        assertThat(adminTokens.list(first.org().id(), PageRequest.first(10))).hasSize(1);
        assertThat(logged(first.org().id())).hasSize(1);
        assertThat(signingKeys.listVerifying(first.org().id())).hasSize(1);
    }
}
