package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public abstract class AbstractAdminTokenRepositoryContractTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private Org acme;
    private Org globex;

    protected abstract AdminTokenRepository repository();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void twoOrgs() {
        acme = Org.create(new OrgId(ids.newId()), new OrgSlug("acme"), "Acme", CREATED);
        globex = Org.create(new OrgId(ids.newId()), new OrgSlug("globex"), "Globex", CREATED);
        unitOfWork().run(() -> {
            orgs().add(acme);
            orgs().add(globex);
        });
    }

    private AdminToken issue(Org org, String name, String hash) {
        AdminToken token = AdminToken.issue(new AdminTokenId(ids.newId()), org.id(), name, new SecretHash(hash), CREATED);
        unitOfWork().run(() -> repository().add(token));
        return token;
    }

    @Test
    void tokenIsFoundByItsHash_withItsOrg() {
        AdminToken token = issue(acme, "ci", "hash-1");

        AdminToken found = unitOfWork().inTransaction(() -> repository().findByHash(new SecretHash("hash-1")))
                .orElseThrow();

        assertThat(found.id()).isEqualTo(token.id());
        assertThat(found.orgId()).isEqualTo(acme.id());
        assertThat(found.name()).isEqualTo("ci");
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(unitOfWork().inTransaction(() -> repository().findByHash(new SecretHash("hash-2")))).isEmpty();
    }

    @Test
    void list_showsOnlyTheOrgsOwnTokens_inIdOrder() {
        AdminToken first = issue(acme, "first", "hash-1");
        issue(globex, "theirs", "hash-2");
        AdminToken second = issue(acme, "second", "hash-3");

        List<AdminToken> listed = unitOfWork().inTransaction(() -> repository().list(acme.id(), PageRequest.first(10)));

        assertThat(listed).extracting(AdminToken::id).containsExactly(first.id(), second.id());
    }

    @Test
    void remove_deletesOnlyWithinTheOwningOrg() {
        AdminToken token = issue(acme, "ci", "hash-1");

        assertThat(unitOfWork().inTransaction(() -> repository().remove(globex.id(), token.id()))).isFalse();
        assertThat(unitOfWork().inTransaction(() -> repository().findByHash(new SecretHash("hash-1")))).isPresent();

        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), token.id()))).isTrue();
        assertThat(unitOfWork().inTransaction(() -> repository().findByHash(new SecretHash("hash-1")))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), token.id()))).isFalse();
    }
}
