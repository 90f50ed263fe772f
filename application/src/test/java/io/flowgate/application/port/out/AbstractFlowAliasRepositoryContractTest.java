package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowDefinition;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FlowAliasRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractFlowAliasRepositoryContractTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-03-02T08:30:15.654321Z");

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private Org acme;
    private Org globex;
    private Flow greet;
    private Flow welcome;
    private Flow theirs;

    protected abstract FlowAliasRepository repository();

    /** The flow store the aliases point into: a binding must name a flow of its own org. */
    protected abstract FlowRepository flows();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void twoOrgsWithFlows() {
        acme = Org.create(new OrgId(ids.newId()), new OrgSlug("acme"), "Acme", CREATED);
        globex = Org.create(new OrgId(ids.newId()), new OrgSlug("globex"), "Globex", CREATED);
        greet = newFlow(acme, "greet");
        welcome = newFlow(acme, "welcome");
        theirs = newFlow(globex, "theirs");
        unitOfWork().run(() -> {
            orgs().add(acme);
            orgs().add(globex);
            flows().add(greet);
            flows().add(welcome);
            flows().add(theirs);
        });
    }

    private Flow newFlow(Org org, String name) {
        return Flow.create(new FlowId(ids.newId()), org.id(), name, new FlowDefinition("{\"steps\":[]}"), CREATED);
    }

    private AliasBinding bound(Org org, String alias, Flow flow, Instant created) {
        AliasBinding binding = AliasBinding.bind(org.id(), new FlowAlias(alias), flow.id(), created);
        unitOfWork().run(() -> repository().add(binding));
        return binding;
    }

    private AliasBinding stored(Org org, String alias) {
        return unitOfWork().inTransaction(() -> repository().find(org.id(), new FlowAlias(alias))).orElseThrow();
    }

    @Test
    void boundAlias_isFound_withItsFlowAndCreationTime() {
        bound(acme, "create-user", greet, CREATED);

        AliasBinding found = stored(acme, "create-user");

        assertThat(found.orgId()).isEqualTo(acme.id());
        assertThat(found.alias()).isEqualTo(new FlowAlias("create-user"));
        assertThat(found.flowId()).isEqualTo(greet.id());
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), new FlowAlias("create-usr"))))
                .isEmpty();
    }

    @Test
    void sameAliasTwiceInAnOrg_isAConflict_evenForAnotherFlow_andTheFirstBindingIsKept() {
        bound(acme, "create-user", greet, CREATED);

        assertThatThrownBy(() -> bound(acme, "create-user", welcome, LATER))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("create-user");
        assertThatThrownBy(() -> bound(acme, "create-user", greet, LATER))
                .isInstanceOf(Conflict.class);

        AliasBinding kept = stored(acme, "create-user");
        assertThat(kept.flowId()).isEqualTo(greet.id());
        assertThat(kept.created()).isEqualTo(CREATED);
        assertThat(unitOfWork().inTransaction(() -> repository().listForFlow(acme.id(), welcome.id()))).isEmpty();
    }

    @Test
    void sameAliasInTwoOrgs_isBoundInEach() {
        bound(acme, "create-user", greet, CREATED);
        bound(globex, "create-user", theirs, LATER);

        assertThat(stored(acme, "create-user").flowId()).isEqualTo(greet.id());
        assertThat(stored(globex, "create-user").flowId()).isEqualTo(theirs.id());
        assertThat(stored(globex, "create-user").created()).isEqualTo(LATER);
    }

    @Test
    void bindingToAFlowOfAnotherOrg_isAConflict() {
        assertThatThrownBy(() -> bound(globex, "borrowed", greet, CREATED)).isInstanceOf(Conflict.class);

        assertThat(unitOfWork().inTransaction(() -> repository().find(globex.id(), new FlowAlias("borrowed"))))
                .isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), new FlowAlias("borrowed"))))
                .isEmpty();
    }

    @Test
    void update_movesTheBindingToAnotherFlowOfTheOrg() {
        bound(acme, "create-user", greet, CREATED);

        AliasBinding binding = stored(acme, "create-user");
        binding.moveTo(welcome.id());
        unitOfWork().run(() -> repository().update(binding));

        AliasBinding moved = stored(acme, "create-user");
        assertThat(moved.flowId()).isEqualTo(welcome.id());
        assertThat(moved.created()).isEqualTo(CREATED);
        assertThat(unitOfWork().inTransaction(() -> repository().listForFlow(acme.id(), greet.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().listForFlow(acme.id(), welcome.id())))
                .extracting(AliasBinding::alias).containsExactly(new FlowAlias("create-user"));
    }

    @Test
    void update_toAFlowOfAnotherOrg_isAConflict_andTheBindingStays() {
        bound(acme, "create-user", greet, CREATED);

        AliasBinding binding = stored(acme, "create-user");
        binding.moveTo(theirs.id());

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().update(binding))).isInstanceOf(Conflict.class);
        assertThat(stored(acme, "create-user").flowId()).isEqualTo(greet.id());
    }

    @Test
    void update_ofAnUnboundAlias_isNotFound() {
        AliasBinding neverAdded = AliasBinding.bind(acme.id(), new FlowAlias("ghost"), greet.id(), CREATED);

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().update(neverAdded)))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("ghost");
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), new FlowAlias("ghost")))).isEmpty();
    }

    /** Moving an alias while another admin removes it, or deletes the flow it names (which takes it along). */
    @Test
    void update_ofAnAliasRemovedSinceItWasRead_isNotFound() {
        List<Runnable> removals = List.of(
                () -> repository().remove(acme.id(), new FlowAlias("create-user")),
                () -> flows().remove(acme.id(), greet.id()));
        for (Runnable removal : removals) {
            bound(acme, "create-user", greet, CREATED);

            assertThatThrownBy(() -> unitOfWork().run(() -> {
                AliasBinding binding = repository().find(acme.id(), new FlowAlias("create-user")).orElseThrow();
                CompletableFuture.runAsync(() -> unitOfWork().run(removal)).join();
                binding.moveTo(welcome.id());
                repository().update(binding);
            })).isInstanceOf(NotFound.class).hasMessageContaining("create-user");

            assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), new FlowAlias("create-user"))))
                    .isEmpty();
        }
    }

    @Test
    void changeNotPassedToUpdate_isNotStored() {
        AliasBinding binding = bound(acme, "create-user", greet, CREATED);

        binding.moveTo(welcome.id());
        stored(acme, "create-user").moveTo(welcome.id());

        assertThat(stored(acme, "create-user").flowId()).isEqualTo(greet.id());
    }

    @Test
    void listForFlow_isOldestFirst_andHoldsOnlyThatFlowsAliases() {
        bound(acme, "zeta", greet, CREATED);
        bound(acme, "newest", greet, LATER.plusSeconds(60));
        bound(acme, "alpha", greet, LATER);
        bound(acme, "beta", greet, LATER);
        bound(acme, "elsewhere", welcome, CREATED);
        bound(globex, "theirs", theirs, CREATED);

        assertThat(unitOfWork().inTransaction(() -> repository().listForFlow(acme.id(), greet.id())))
                .extracting(binding -> binding.alias().value())
                .containsExactly("zeta", "alpha", "beta", "newest");
    }

    @Test
    void anotherOrg_cannotFindListOrRemoveTheAlias() {
        bound(acme, "create-user", greet, CREATED);

        assertThat(unitOfWork().inTransaction(() -> repository().find(globex.id(), new FlowAlias("create-user"))))
                .isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().listForFlow(globex.id(), greet.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().remove(globex.id(), new FlowAlias("create-user"))))
                .isFalse();

        assertThat(stored(acme, "create-user").flowId()).isEqualTo(greet.id());
    }

    @Test
    void remove_unbindsTheAlias_soItCanBeBoundAgain() {
        bound(acme, "create-user", greet, CREATED);
        bound(acme, "keep-me", greet, CREATED);

        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), new FlowAlias("create-user"))))
                .isTrue();
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), new FlowAlias("create-user"))))
                .isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), new FlowAlias("create-user"))))
                .isFalse();
        assertThat(stored(acme, "keep-me").flowId()).isEqualTo(greet.id());

        bound(acme, "create-user", welcome, LATER);
        assertThat(stored(acme, "create-user").flowId()).isEqualTo(welcome.id());
    }
}
