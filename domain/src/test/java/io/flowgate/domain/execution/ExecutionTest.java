package io.flowgate.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.policy.SecurityLevel;
import io.flowgate.domain.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutionTest {

    private static final ExecutionId ID = new ExecutionId("exec1");
    private static final OrgId ORG = new OrgId("org1");
    private static final FlowId FLOW = new FlowId("flow1");
    private static final Caller CALLER =
            new Caller(Optional.of(new AppId("app1")), Set.of(Scope.INVOKE_FLOWS), SecurityLevel.OAUTH2);
    private static final Instant STARTED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant ENDED = STARTED.plusMillis(250);
    private static final List<StepTrace> TRACE = List.of(new StepTrace("greet", "text.concat",
            ExecutionStatus.SUCCEEDED, STARTED, Duration.ofMillis(3), "{}", "\"hi\"", null));

    private static Execution running() {
        return Execution.start(ID, ORG, FLOW, 3, CALLER, STARTED);
    }

    @Test
    void start_isRunningWithoutFinishTimeErrorOrSteps() {
        Execution execution = running();

        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(execution.started()).isEqualTo(STARTED);
        assertThat(execution.finished()).isEmpty();
        assertThat(execution.error()).isEmpty();
        assertThat(execution.steps()).isEmpty();
        assertThat(execution.flowVersion()).isEqualTo(3);
        assertThat(execution.caller()).isEqualTo(CALLER);
        assertThat(execution.flowId()).isEqualTo(FLOW);
        assertThat(execution.orgId()).isEqualTo(ORG);
    }

    @Test
    void startingVersionZero_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Execution.start(ID, ORG, FLOW, 0, CALLER, STARTED));
    }

    @Test
    void succeed_endsAsSucceededWithItsTraceAndNoError() {
        Execution execution = running();

        execution.succeed(ENDED, TRACE);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.finished()).contains(ENDED);
        assertThat(execution.error()).isEmpty();
        assertThat(execution.steps()).isEqualTo(TRACE);
    }

    @Test
    void fail_endsAsFailedWithTheMessage() {
        Execution execution = running();

        execution.fail(ENDED, "user not found", TRACE);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.finished()).contains(ENDED);
        assertThat(execution.error()).contains("user not found");
        assertThat(execution.steps()).isEqualTo(TRACE);
    }

    @Test
    void failingWithoutAMessage_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> running().fail(ENDED, null, TRACE));
    }

    @Test
    void timeOut_endsAsTimedOutSayingWhy() {
        Execution execution = running();

        execution.timeOut(ENDED, List.of());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(execution.finished()).contains(ENDED);
        assertThat(execution.error()).hasValueSatisfying(message -> assertThat(message).contains("time limit"));
    }

    static Stream<Named<Consumer<Execution>>> finishes() {
        return Stream.of(
                Named.of("succeed", execution -> execution.succeed(ENDED.plusSeconds(1), List.of())),
                Named.of("fail", execution -> execution.fail(ENDED.plusSeconds(1), "again", List.of())),
                Named.of("timeOut", execution -> execution.timeOut(ENDED.plusSeconds(1), List.of())));
    }

    @ParameterizedTest
    @MethodSource("finishes")
    void finishingAnEndedExecutionAgain_isRefusedAndKeepsTheFirstOutcome(Consumer<Execution> secondFinish) {
        Execution execution = running();
        execution.fail(ENDED, "first", TRACE);

        assertThatIllegalStateException().isThrownBy(() -> secondFinish.accept(execution));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.finished()).contains(ENDED);
        assertThat(execution.error()).contains("first");
        assertThat(execution.steps()).isEqualTo(TRACE);
    }

    @Test
    void finishTimeBeforeTheStart_isClampedToTheStart() {
        Execution execution = running();

        execution.succeed(STARTED.minusMillis(40), List.of());

        assertThat(execution.finished()).contains(STARTED);
    }

    @Test
    void trace_isCopiedSoLaterChangesToTheGivenListDoNotShowInTheLog() {
        Execution execution = running();
        List<StepTrace> given = new ArrayList<>(TRACE);

        execution.succeed(ENDED, given);
        given.clear();

        assertThat(execution.steps()).isEqualTo(TRACE);
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionStatus.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
    void restoringAnEndedExecutionWithoutFinishTime_isRefused(ExecutionStatus status) {
        assertThatIllegalArgumentException().isThrownBy(
                () -> Execution.restore(ID, ORG, FLOW, 1, CALLER, status, STARTED, null, null, List.of()));
    }

    @Test
    void restoringARunningExecutionWithAFinishTime_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Execution.restore(
                ID, ORG, FLOW, 1, CALLER, ExecutionStatus.RUNNING, STARTED, ENDED, null, List.of()));
    }

    @Test
    void restoringAnExecutionThatFinishedBeforeItStarted_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Execution.restore(
                ID, ORG, FLOW, 1, CALLER, ExecutionStatus.SUCCEEDED, STARTED, STARTED.minusMillis(1), null, List.of()));
    }

    @Test
    void restoringAConsistentExecution_keepsEverything() {
        Execution execution = Execution.restore(
                ID, ORG, FLOW, 2, CALLER, ExecutionStatus.FAILED, STARTED, ENDED, "boom", TRACE);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.flowVersion()).isEqualTo(2);
        assertThat(execution.finished()).contains(ENDED);
        assertThat(execution.error()).contains("boom");
        assertThat(execution.steps()).isEqualTo(TRACE);
    }
}
