package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowDefinition;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.policy.EndpointSecurityPolicy;
import io.flowgate.domain.policy.EndpointSecurityPolicy.ClientToken;
import io.flowgate.domain.policy.EndpointSecurityPolicy.OAuth2AnyApp;
import io.flowgate.domain.policy.EndpointSecurityPolicy.OAuth2SelectedApps;
import io.flowgate.domain.policy.EndpointSecurityPolicy.Public;
import io.flowgate.domain.policy.EndpointSettings;
import io.flowgate.domain.policy.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FlowRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractFlowRepositoryContractTest {

    protected static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");
    protected static final Instant LATER = Instant.parse("2026-03-02T08:30:15.654321Z");
    protected static final Instant LATEST = Instant.parse("2026-03-05T17:45:59.000001Z");

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    protected Org acme;
    protected Org globex;

    protected abstract FlowRepository repository();

    /** The alias store that shares the flow store, so that removing a flow can be seen to remove its aliases. */
    protected abstract FlowAliasRepository aliases();

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

    protected Flow newFlow(Org org, String name) {
        return Flow.create(new FlowId(ids.newId()), org.id(), name,
                new FlowDefinition("{\"steps\":[{\"id\":\"" + name + "\",\"card\":\"text.trim\",\"in\":{}}]}"), CREATED);
    }

    protected Flow added(Flow flow) {
        unitOfWork().run(() -> repository().add(flow));
        return flow;
    }

    protected Flow stored(Org org, FlowId id) {
        return unitOfWork().inTransaction(() -> repository().find(org.id(), id)).orElseThrow();
    }

    protected void update(Flow flow) {
        unitOfWork().run(() -> repository().update(flow));
    }

    private static void assertSameState(Flow actual, Flow expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.orgId()).isEqualTo(expected.orgId());
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.definition()).isEqualTo(expected.definition());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.endpoint()).isEqualTo(expected.endpoint());
        assertThat(actual.created()).isEqualTo(expected.created());
        assertThat(actual.lastUpdated()).isEqualTo(expected.lastUpdated());
    }

    @Test
    void addedFlow_isFoundWithAllItsFields() {
        Flow flow = added(newFlow(acme, "greet"));

        Flow found = stored(acme, flow.id());

        assertSameState(found, flow);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(found.endpoint()).isEqualTo(EndpointSettings.DEFAULT);
        assertThat(found.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void everyEndpointPolicy_roundTrips_withItsRateLimit() {
        List<EndpointSettings> endpoints = List.of(
                new EndpointSettings(new OAuth2AnyApp(), new RateLimit(7)),
                new EndpointSettings(new OAuth2SelectedApps(Set.of(new AppId("appA"), new AppId("appB"), new AppId("appC"))),
                        new RateLimit(1)),
                new EndpointSettings(new ClientToken(new SecretHash("client-token-hash")), new RateLimit(250)),
                new EndpointSettings(new Public(), new RateLimit(RateLimit.MAX_PER_SECOND)));

        for (EndpointSettings endpoint : endpoints) {
            Flow flow = newFlow(acme, "secured");
            flow.secure(endpoint, LATER);
            added(flow);

            Flow found = stored(acme, flow.id());

            assertThat(found.endpoint()).isEqualTo(endpoint);
            assertSameState(found, flow);
        }
    }

    @Test
    void update_replacesTheEndpoint_withExactlyTheNewAllowedApps() {
        Flow flow = newFlow(acme, "secured");
        flow.secure(new EndpointSettings(new OAuth2SelectedApps(Set.of(new AppId("appA"), new AppId("appB"))),
                RateLimit.DEFAULT), CREATED);
        added(flow);
        List<EndpointSecurityPolicy> policies = List.of(
                new OAuth2SelectedApps(Set.of(new AppId("appB"), new AppId("appC"), new AppId("appD"))),
                new ClientToken(new SecretHash("first-hash")),
                new ClientToken(new SecretHash("regenerated-hash")),
                new Public(),
                new OAuth2SelectedApps(Set.of(new AppId("appA"))),
                new OAuth2AnyApp());

        int perSecond = 10;
        for (EndpointSecurityPolicy policy : policies) {
            EndpointSettings endpoint = new EndpointSettings(policy, new RateLimit(++perSecond));
            Flow current = stored(acme, flow.id());
            current.secure(endpoint, LATER);
            update(current);

            assertThat(stored(acme, flow.id()).endpoint()).isEqualTo(endpoint);
        }
    }

    @Test
    void update_storesEveryChangedField() {
        Flow flow = added(newFlow(acme, "greet"));

        Flow changed = stored(acme, flow.id());
        changed.revise("Greet politely", new FlowDefinition("{\"steps\":[]}"), LATER);
        changed.deactivate(LATER);
        changed.secure(new EndpointSettings(new ClientToken(new SecretHash("hash")), new RateLimit(3)), LATEST);
        update(changed);

        Flow found = stored(acme, flow.id());
        assertSameState(found, changed);
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(found.lastUpdated()).isEqualTo(LATEST);
    }

    @Test
    void changeNotPassedToUpdate_isNotStored() {
        Flow flow = added(newFlow(acme, "greet"));

        flow.revise("Renamed", new FlowDefinition("{\"steps\":[]}"), LATER);
        Flow loaded = stored(acme, flow.id());
        loaded.deactivate(LATER);

        Flow found = stored(acme, flow.id());
        assertThat(found.name()).isEqualTo("greet");
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void update_ofAFlowNotStoredInItsOrg_isNotFound() {
        Flow flow = added(newFlow(acme, "greet"));
        Flow unknown = newFlow(acme, "never-added");
        Flow sameIdInAnotherOrg = Flow.restore(flow.id(), globex.id(), "hijack", flow.definition(), 2,
                LifecycleStatus.ACTIVE, EndpointSettings.DEFAULT, CREATED, LATER);

        assertThatThrownBy(() -> update(unknown)).isInstanceOf(NotFound.class).hasMessageContaining(unknown.id().value());
        assertThatThrownBy(() -> update(sameIdInAnotherOrg)).isInstanceOf(NotFound.class);

        assertSameState(stored(acme, flow.id()), flow);
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), unknown.id()))).isEmpty();
    }

    /**
     * An admin changing a flow while another deletes it: the change finds the flow gone when it is
     * written, however far the store had got with it, and is told so rather than failing otherwise.
     */
    @Test
    void update_ofAFlowRemovedSinceItWasRead_isNotFound() {
        List<Consumer<Flow>> changes = List.of(
                flow -> flow.revise("Renamed", new FlowDefinition("{\"steps\":[]}"), LATER),
                flow -> flow.deactivate(LATER),
                flow -> flow.secure(new EndpointSettings(new OAuth2SelectedApps(Set.of(new AppId("appA"))),
                        RateLimit.DEFAULT), LATER));
        for (Consumer<Flow> change : changes) {
            Flow flow = added(newFlow(acme, "greet"));

            assertThatThrownBy(() -> unitOfWork().run(() -> {
                Flow read = repository().find(acme.id(), flow.id()).orElseThrow();
                inAnotherTransaction(() -> repository().remove(acme.id(), flow.id()));
                change.accept(read);
                repository().update(read);
            })).isInstanceOf(NotFound.class).hasMessageContaining(flow.id().value());

            assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), flow.id()))).isEmpty();
        }
    }

    /** Work committed by someone else while the caller's own unit of work is open. */
    protected void inAnotherTransaction(Runnable work) {
        CompletableFuture.runAsync(() -> unitOfWork().run(work)).join();
    }

    @Test
    void anotherOrg_cannotFindOrListTheFlow() {
        Flow flow = added(newFlow(acme, "greet"));

        assertThat(unitOfWork().inTransaction(() -> repository().find(globex.id(), flow.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().list(globex.id(), PageRequest.first(10)))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), new FlowId("nosuchflow")))).isEmpty();
    }

    @Test
    void list_pagesTheOrgsFlowsInIdOrder_afterTheCursor() {
        Flow first = added(newFlow(acme, "first"));
        Flow theirs = added(newFlow(globex, "theirs"));
        Flow second = added(newFlow(acme, "second"));
        Flow third = added(newFlow(acme, "third"));

        List<Flow> page1 = unitOfWork().inTransaction(() -> repository().list(acme.id(), PageRequest.first(2)));
        List<Flow> page2 = unitOfWork().inTransaction(() -> repository().list(acme.id(),
                new PageRequest(2, Optional.of(page1.get(1).id().value()))));

        assertThat(page1).extracting(Flow::id).containsExactly(first.id(), second.id());
        assertThat(page2).extracting(Flow::id).containsExactly(third.id());
        assertSameState(page2.get(0), third);
        assertThat(unitOfWork().inTransaction(() -> repository().list(globex.id(), PageRequest.first(10))))
                .extracting(Flow::id).containsExactly(theirs.id());
    }

    @Test
    void remove_deletesTheFlowWithItsAliases_onlyInTheOwningOrg() {
        Flow flow = added(newFlow(acme, "greet"));
        Flow other = added(newFlow(acme, "other"));
        FlowAlias alias = new FlowAlias("greet");
        FlowAlias otherAlias = new FlowAlias("other");
        unitOfWork().run(() -> {
            aliases().add(AliasBinding.bind(acme.id(), alias, flow.id(), CREATED));
            aliases().add(AliasBinding.bind(acme.id(), otherAlias, other.id(), CREATED));
        });

        assertThat(unitOfWork().inTransaction(() -> repository().remove(globex.id(), flow.id()))).isFalse();
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), flow.id()))).isPresent();
        assertThat(unitOfWork().inTransaction(() -> aliases().find(acme.id(), alias))).isPresent();

        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), flow.id()))).isTrue();
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), flow.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> aliases().find(acme.id(), alias))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> aliases().listForFlow(acme.id(), flow.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), flow.id()))).isFalse();

        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), other.id()))).isPresent();
        assertThat(unitOfWork().inTransaction(() -> aliases().find(acme.id(), otherAlias))).isPresent();
    }
}
