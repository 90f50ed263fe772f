package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.execution.Caller;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.execution.StepTrace;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.policy.SecurityLevel;
import io.flowgate.domain.scope.ScopeName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ExecutionRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractExecutionRepositoryContractTest {

    protected static final Instant STARTED = Instant.parse("2026-03-01T12:00:00.123456Z");
    protected static final Instant FINISHED = Instant.parse("2026-03-01T12:00:02.654321Z");
    protected static final Caller APP_CALLER = new Caller(Optional.of(new AppId("app1")),
            Set.of(new ScopeName("okta.workflows.invoke.manage"), new ScopeName("custom:read")), SecurityLevel.OAUTH2);

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    protected Org acme;
    private Org globex;
    protected final FlowId flow = new FlowId("flow1");
    private final FlowId otherFlow = new FlowId("flow2");

    protected abstract ExecutionRepository repository();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void twoOrgs() {
        acme = Org.create(new OrgId(ids.newId()), new OrgSlug("acme"), "Acme", STARTED);
        globex = Org.create(new OrgId(ids.newId()), new OrgSlug("globex"), "Globex", STARTED);
        unitOfWork().run(() -> {
            orgs().add(acme);
            orgs().add(globex);
        });
    }

    protected Execution started(Org org, FlowId flowId, Caller caller) {
        Execution execution = Execution.start(new ExecutionId(ids.newId()), org.id(), flowId, 3, caller, STARTED);
        unitOfWork().run(() -> repository().add(execution));
        return execution;
    }

    private Execution stored(Org org, ExecutionId id) {
        return unitOfWork().inTransaction(() -> repository().find(org.id(), id)).orElseThrow();
    }

    protected void update(Execution execution) {
        unitOfWork().run(() -> repository().update(execution));
    }

    private static void assertSameState(Execution actual, Execution expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.orgId()).isEqualTo(expected.orgId());
        assertThat(actual.flowId()).isEqualTo(expected.flowId());
        assertThat(actual.flowVersion()).isEqualTo(expected.flowVersion());
        assertThat(actual.caller()).isEqualTo(expected.caller());
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.started()).isEqualTo(expected.started());
        assertThat(actual.finished()).isEqualTo(expected.finished());
        assertThat(actual.error()).isEqualTo(expected.error());
        assertThat(actual.steps()).isEqualTo(expected.steps());
    }

    @Test
    void startedExecution_isFound_withItsCallerAndVersion() {
        Execution execution = started(acme, flow, APP_CALLER);

        Execution found = stored(acme, execution.id());

        assertSameState(found, execution);
        assertThat(found.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(found.flowVersion()).isEqualTo(3);
        assertThat(found.caller().clientId()).contains(new AppId("app1"));
        assertThat(found.caller().scopes()).containsExactlyInAnyOrder(
                new ScopeName("okta.workflows.invoke.manage"), new ScopeName("custom:read"));
        assertThat(found.finished()).isEmpty();
        assertThat(found.steps()).isEmpty();
    }

    @Test
    void anonymousCallers_roundTrip_withoutClientOrScopes() {
        for (SecurityLevel security : List.of(SecurityLevel.PUBLIC, SecurityLevel.CLIENT_TOKEN)) {
            Execution execution = started(acme, flow, Caller.anonymous(security));

            Caller caller = stored(acme, execution.id()).caller();

            assertThat(caller.clientId()).isEmpty();
            assertThat(caller.scopes()).isEmpty();
            assertThat(caller.security()).isEqualTo(security);
        }
    }

    @Test
    void update_storesTheOutcome_withTheExactStepTrace() {
        Execution execution = started(acme, flow, APP_CALLER);
        List<StepTrace> trace = List.of(
                new StepTrace("greet", "text.concat", ExecutionStatus.SUCCEEDED, STARTED.plusNanos(1_000),
                        Duration.ofNanos(1_234_567), "{\"values\":[\"Hello, \",\"Zoë\"]}", "\"Hello, Zoë\"", null),
                new StepTrace("check", "flow.if", ExecutionStatus.SUCCEEDED, STARTED.plusMillis(2),
                        Duration.ZERO, null, null, null),
                new StepTrace("big", "json.stringify", ExecutionStatus.SUCCEEDED, STARTED.plusMillis(3),
                        Duration.ofSeconds(1, 5), "\"" + "x".repeat(StepTrace.MAX_PAYLOAD_CHARS) + "\"",
                        "{\"quote\":\"\\\"\",\"tab\":\"\\t\",\"emoji\":\"\uD83D\uDE80\"}", null));

        Execution loaded = stored(acme, execution.id());
        loaded.succeed(FINISHED, trace);
        update(loaded);

        Execution found = stored(acme, execution.id());
        assertSameState(found, loaded);
        assertThat(found.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(found.finished()).contains(FINISHED);
        assertThat(found.error()).isEmpty();
        assertThat(found.steps()).isEqualTo(trace);
        assertThat(found.steps().get(2).input()).hasSize(StepTrace.MAX_PAYLOAD_CHARS).endsWith("…");
    }

    @Test
    void failedAndTimedOutExecutions_keepTheirErrorAndFailingStep() {
        List<StepTrace> failingTrace = List.of(new StepTrace("divide", "number.divide", ExecutionStatus.FAILED,
                STARTED, Duration.ofMillis(4), "{\"a\":1,\"b\":0}", null, "division by zero"));
        Execution failed = started(acme, flow, APP_CALLER);
        Execution timedOut = started(acme, flow, Caller.anonymous(SecurityLevel.PUBLIC));

        failed.fail(FINISHED, "the flow said no", failingTrace);
        timedOut.timeOut(FINISHED, List.of());
        update(failed);
        update(timedOut);

        assertSameState(stored(acme, failed.id()), failed);
        assertThat(stored(acme, failed.id()).error()).contains("the flow said no");
        assertThat(stored(acme, failed.id()).steps().get(0).error()).isEqualTo("division by zero");
        assertSameState(stored(acme, timedOut.id()), timedOut);
        assertThat(stored(acme, timedOut.id()).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    }

    @Test
    void changeNotPassedToUpdate_isNotStored() {
        Execution execution = started(acme, flow, APP_CALLER);

        execution.succeed(FINISHED, List.of());
        stored(acme, execution.id()).fail(FINISHED, "lost", List.of());

        Execution found = stored(acme, execution.id());
        assertThat(found.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(found.finished()).isEmpty();
    }

    @Test
    void update_ofAnExecutionNotStoredInItsOrg_isNotFound() {
        Execution execution = started(acme, flow, APP_CALLER);
        Execution sameIdInAnotherOrg = Execution.restore(execution.id(), globex.id(), flow, 3, APP_CALLER,
                ExecutionStatus.SUCCEEDED, STARTED, FINISHED, null, List.of());
        Execution neverAdded = Execution.start(new ExecutionId("neveradded"), acme.id(), flow, 1, APP_CALLER, STARTED);

        assertThatThrownBy(() -> update(sameIdInAnotherOrg)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> update(neverAdded)).isInstanceOf(NotFound.class).hasMessageContaining("neveradded");

        assertSameState(stored(acme, execution.id()), execution);
        assertThat(unitOfWork().inTransaction(() -> repository().find(acme.id(), neverAdded.id()))).isEmpty();
    }

    @Test
    void anotherOrg_cannotFindOrListTheExecution() {
        Execution execution = started(acme, flow, APP_CALLER);

        assertThat(unitOfWork().inTransaction(() -> repository().find(globex.id(), execution.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().listForFlow(globex.id(), flow, PageRequest.first(10))))
                .isEmpty();
    }

    @Test
    void listForFlow_pagesThatFlowsExecutionsInIdOrder_afterTheCursor() {
        Execution first = started(acme, flow, APP_CALLER);
        started(acme, otherFlow, APP_CALLER);
        started(globex, flow, APP_CALLER);
        Execution second = started(acme, flow, APP_CALLER);
        Execution third = started(acme, flow, Caller.anonymous(SecurityLevel.PUBLIC));

        List<Execution> page1 = unitOfWork().inTransaction(() -> repository().listForFlow(acme.id(), flow,
                PageRequest.first(2)));
        List<Execution> page2 = unitOfWork().inTransaction(() -> repository().listForFlow(acme.id(), flow,
                new PageRequest(2, Optional.of(page1.get(1).id().value()))));

        assertThat(page1).extracting(Execution::id).containsExactly(first.id(), second.id());
        assertThat(page2).extracting(Execution::id).containsExactly(third.id());
        assertSameState(page2.get(0), third);
    }
}
