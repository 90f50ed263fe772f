package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.KeyType;
import io.flowgate.domain.key.Kid;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AppRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractAppRepositoryContractTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-03-02T08:30:00.654321Z");
    private static final String OKP_JWK =
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private Org acme;
    private Org globex;

    protected abstract AppRepository repository();

    protected abstract OrgRepository orgs();

    /** The keys store that {@link AppRepository#remove} must empty of the removed app's keys. */
    protected abstract AppKeyRepository keys();

    /** The grants store that {@link AppRepository#remove} must empty of the removed app's grants. */
    protected abstract ScopeGrantRepository grants();

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

    private App register(Org org, String label) {
        App app = App.register(new AppId(ids.newId()), org.id(), label, CREATED);
        unitOfWork().run(() -> repository().add(app));
        return app;
    }

    private Optional<App> find(Org org, AppId id) {
        return unitOfWork().inTransaction(() -> repository().find(org.id(), id));
    }

    @Test
    void addedApp_isFound_withAllItsFields() {
        App app = register(acme, "Invoker");

        App found = find(acme, app.id()).orElseThrow();

        assertThat(found.id()).isEqualTo(app.id());
        assertThat(found.orgId()).isEqualTo(acme.id());
        assertThat(found.label()).isEqualTo("Invoker");
        assertThat(found.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(found.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void appOfAnotherOrgOrUnknownId_isNotFound() {
        App app = register(acme, "Invoker");

        assertThat(find(globex, app.id())).isEmpty();
        assertThat(find(acme, new AppId("nosuchapp"))).isEmpty();
    }

    @Test
    void update_storesLabelStatusAndLastUpdated() {
        App app = register(acme, "Invoker");
        app.relabel("Nightly invoker", LATER);
        app.deactivate(LATER);

        unitOfWork().run(() -> repository().update(app));

        App found = find(acme, app.id()).orElseThrow();
        assertThat(found.label()).isEqualTo("Nightly invoker");
        assertThat(found.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(found.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void changesNotPassedToUpdate_areNotStored() {
        App app = register(acme, "Invoker");
        app.relabel("Changed after add", LATER);
        find(acme, app.id()).orElseThrow().deactivate(LATER);

        App found = find(acme, app.id()).orElseThrow();

        assertThat(found.label()).isEqualTo("Invoker");
        assertThat(found.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(found.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void updateOfAnAppNeverAdded_failsAndStoresNothing() {
        App app = App.register(new AppId(ids.newId()), acme.id(), "Never added", CREATED);

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().update(app)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(find(acme, app.id())).isEmpty();
    }

    @Test
    void list_showsOnlyTheOrgsOwnApps_pagedInIdOrder() {
        App first = register(acme, "first");
        App theirs = register(globex, "theirs");
        App second = register(acme, "second");
        App third = register(acme, "third");

        List<App> page1 = unitOfWork().inTransaction(() -> repository().list(acme.id(), PageRequest.first(2)));
        List<App> page2 = unitOfWork().inTransaction(() -> repository().list(acme.id(),
                new PageRequest(2, Optional.of(page1.get(1).id().value()))));
        List<App> ofGlobex = unitOfWork().inTransaction(() -> repository().list(globex.id(), PageRequest.first(10)));

        assertThat(page1).extracting(App::id).containsExactly(first.id(), second.id());
        assertThat(page2).extracting(App::id).containsExactly(third.id());
        assertThat(ofGlobex).extracting(App::id).containsExactly(theirs.id());
        assertThat(page1.get(0).label()).isEqualTo("first");
    }

    @Test
    void remove_deletesOnlyWithinTheOwningOrg() {
        App app = register(acme, "Invoker");

        assertThat(unitOfWork().inTransaction(() -> repository().remove(globex.id(), app.id()))).isFalse();
        assertThat(find(acme, app.id())).isPresent();

        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), app.id()))).isTrue();
        assertThat(find(acme, app.id())).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), app.id()))).isFalse();
    }

    @Test
    void remove_takesTheAppsKeysAndGrantsWithIt_andLeavesOtherApps() {
        App removed = register(acme, "removed");
        App kept = register(acme, "kept");
        AppKey keptKey = addKey(kept);
        ScopeGrant keptGrant = grant(kept);
        addKey(removed);
        ScopeGrant removedGrant = grant(removed);

        unitOfWork().run(() -> repository().remove(acme.id(), removed.id()));

        assertThat(unitOfWork().inTransaction(() -> keys().credentialsOf(acme.id(), removed.id())).keys()).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> grants().listForApp(acme.id(), removed.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> grants().find(acme.id(), removedGrant.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> keys().credentialsOf(acme.id(), kept.id())).keys())
                .extracting(AppKey::id).containsExactly(keptKey.id());
        assertThat(unitOfWork().inTransaction(() -> grants().listForApp(acme.id(), kept.id())))
                .containsExactly(keptGrant);
    }

    private AppKey addKey(App app) {
        AppKey key = AppKey.add(new AppKeyId(ids.newId()), app.orgId(), app.id(), new Kid("kid-1"), KeyType.OKP,
                JwsAlgorithm.EdDSA, OKP_JWK, CREATED);
        unitOfWork().run(() -> keys().add(key));
        return key;
    }

    private ScopeGrant grant(App app) {
        ScopeGrant grant = new ScopeGrant(new ScopeGrantId(ids.newId()), app.orgId(), app.id(), Scope.INVOKE_FLOWS,
                CREATED);
        unitOfWork().run(() -> grants().add(grant));
        return grant;
    }
}
