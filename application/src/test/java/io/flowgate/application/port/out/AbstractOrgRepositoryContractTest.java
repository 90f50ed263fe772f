package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link OrgRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractOrgRepositoryContractTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");

    private final SequentialIdGenerator ids = new SequentialIdGenerator();

    protected abstract OrgRepository repository();

    protected abstract UnitOfWork unitOfWork();

    private Org newOrg(String slug) {
        return Org.create(new OrgId(ids.newId()), new OrgSlug(slug), "Org " + slug, CREATED);
    }

    @Test
    void addedOrg_isFoundByIdAndSlug_withAllItsFields() {
        Org org = newOrg("acme");
        unitOfWork().run(() -> repository().add(org));

        Org byId = unitOfWork().inTransaction(() -> repository().findById(org.id())).orElseThrow();
        Org bySlug = unitOfWork().inTransaction(() -> repository().findBySlug(org.slug())).orElseThrow();

        for (Org found : List.of(byId, bySlug)) {
            assertThat(found.id()).isEqualTo(org.id());
            assertThat(found.slug()).isEqualTo(org.slug());
            assertThat(found.name()).isEqualTo("Org acme");
            assertThat(found.created()).isEqualTo(CREATED);
        }
    }

    @Test
    void unknownIdOrSlug_isEmpty() {
        unitOfWork().run(() -> repository().add(newOrg("acme")));

        assertThat(unitOfWork().inTransaction(() -> repository().findById(new OrgId("nosuchorg"))))
                .isEqualTo(Optional.empty());
        assertThat(unitOfWork().inTransaction(() -> repository().findBySlug(new OrgSlug("other"))))
                .isEqualTo(Optional.empty());
    }

    @Test
    void duplicateSlug_isAConflict_andTheFirstOrgIsKept() {
        Org first = newOrg("acme");
        unitOfWork().run(() -> repository().add(first));

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().add(newOrg("acme"))))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("acme");

        List<Org> all = unitOfWork().inTransaction(() -> repository().list(PageRequest.first(10)));
        assertThat(all).extracting(Org::id).containsExactly(first.id());
    }

    @Test
    void list_pagesInIdOrder_afterTheCursor() {
        List<Org> orgs = List.of(newOrg("a1"), newOrg("a2"), newOrg("a3"));
        unitOfWork().run(() -> orgs.forEach(repository()::add));

        List<Org> first = unitOfWork().inTransaction(() -> repository().list(PageRequest.first(2)));
        List<Org> second = unitOfWork().inTransaction(() -> repository().list(
                new PageRequest(2, Optional.of(first.get(1).id().value()))));

        assertThat(first).extracting(Org::id).containsExactly(orgs.get(0).id(), orgs.get(1).id());
        assertThat(second).extracting(Org::id).containsExactly(orgs.get(2).id());
    }
}
