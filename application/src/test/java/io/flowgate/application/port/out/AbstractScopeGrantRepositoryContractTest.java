package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import io.flowgate.domain.scope.ScopeName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ScopeGrantRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractScopeGrantRepositoryContractTest {

    /**
     * A second scope, so that one app can hold two grants. The shipped catalog has only one; an
     * implementation that checks grants against its catalog must add this one for the test.
     */
    protected static final ScopeName SECOND_SCOPE = new ScopeName("flowgate.test.second");

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private Org acme;
    private Org globex;
    private App invoker;
    private App reporter;

    protected abstract ScopeGrantRepository repository();

    protected abstract AppRepository apps();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    /** Two orgs; acme has two apps, so grants can be told apart by app as well as by org. */
    @BeforeEach
    void twoOrgsWithApps() {
        acme = Org.create(new OrgId(ids.newId()), new OrgSlug("acme"), "Acme", CREATED);
        globex = Org.create(new OrgId(ids.newId()), new OrgSlug("globex"), "Globex", CREATED);
        invoker = App.register(new AppId(ids.newId()), acme.id(), "Invoker", CREATED);
        reporter = App.register(new AppId(ids.newId()), acme.id(), "Reporter", CREATED);
        unitOfWork().run(() -> {
            orgs().add(acme);
            orgs().add(globex);
            apps().add(invoker);
            apps().add(reporter);
        });
    }

    private ScopeGrant newGrant(App app, ScopeName scope) {
        return new ScopeGrant(new ScopeGrantId(ids.newId()), app.orgId(), app.id(), scope, CREATED);
    }

    private ScopeGrant add(ScopeGrant grant) {
        unitOfWork().run(() -> repository().add(grant));
        return grant;
    }

    private Optional<ScopeGrant> find(Org org, ScopeGrantId id) {
        return unitOfWork().inTransaction(() -> repository().find(org.id(), id));
    }

    private List<ScopeGrant> grantsOf(Org org, App app) {
        return unitOfWork().inTransaction(() -> repository().listForApp(org.id(), app.id()));
    }

    @Test
    void addedGrant_isFound_withAllItsFields() {
        ScopeGrant grant = add(newGrant(invoker, Scope.INVOKE_FLOWS));

        ScopeGrant found = find(acme, grant.id()).orElseThrow();

        assertThat(found.id()).isEqualTo(grant.id());
        assertThat(found.orgId()).isEqualTo(acme.id());
        assertThat(found.appId()).isEqualTo(invoker.id());
        assertThat(found.scope()).isEqualTo(Scope.INVOKE_FLOWS);
        assertThat(found.created()).isEqualTo(CREATED);
    }

    @Test
    void grantOfAnotherOrgOrUnknownId_isNotFound() {
        ScopeGrant grant = add(newGrant(invoker, Scope.INVOKE_FLOWS));

        assertThat(find(globex, grant.id())).isEmpty();
        assertThat(find(acme, new ScopeGrantId("nosuchgrant"))).isEmpty();
    }

    @Test
    void listForApp_showsOnlyThatAppsGrants_inIdOrder() {
        ScopeGrant first = newGrant(invoker, SECOND_SCOPE);
        ScopeGrant other = newGrant(reporter, Scope.INVOKE_FLOWS);
        ScopeGrant second = newGrant(invoker, Scope.INVOKE_FLOWS);
        // stored against id order, so an implementation that returns rows as stored fails
        add(second);
        add(other);
        add(first);

        assertThat(grantsOf(acme, invoker)).containsExactly(first, second);
        assertThat(grantsOf(acme, reporter)).containsExactly(other);
        assertThat(grantsOf(globex, invoker)).isEmpty();
    }

    @Test
    void duplicateScopeForAnApp_isAConflict_andTheFirstGrantIsKept() {
        ScopeGrant first = add(newGrant(invoker, Scope.INVOKE_FLOWS));

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().add(newGrant(invoker, Scope.INVOKE_FLOWS))))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining(Scope.INVOKE_FLOWS.value());

        assertThat(grantsOf(acme, invoker)).containsExactly(first);
    }

    /** What an admin granting a scope meets when another deletes the app in between. */
    @Test
    void grantToARemovedApp_isNotFound_andNothingIsStored() {
        unitOfWork().run(() -> apps().remove(acme.id(), invoker.id()));

        assertThatThrownBy(() -> add(newGrant(invoker, Scope.INVOKE_FLOWS)))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining(invoker.id().value());

        assertThat(grantsOf(acme, invoker)).isEmpty();
    }

    @Test
    void remove_deletesOnlyWithinTheOwningOrg() {
        ScopeGrant grant = add(newGrant(invoker, Scope.INVOKE_FLOWS));

        assertThat(unitOfWork().inTransaction(() -> repository().remove(globex.id(), grant.id()))).isFalse();
        assertThat(find(acme, grant.id())).contains(grant);

        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), grant.id()))).isTrue();
        assertThat(find(acme, grant.id())).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), grant.id()))).isFalse();
    }
}
