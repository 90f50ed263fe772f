package io.flowgate.domain.execution;

import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One run of a flow that passed its endpoint security: who called, which version ran, how it ended. */
public final class Execution {

    private final ExecutionId id;
    private final OrgId orgId;
    private final FlowId flowId;
    private final int flowVersion;
    private final Caller caller;
    private ExecutionStatus status;
    private final Instant started;
    private Instant finished;
    private String error;
    private List<StepTrace> steps;

    private Execution(ExecutionId id, OrgId orgId, FlowId flowId, int flowVersion, Caller caller,
                      ExecutionStatus status, Instant started, Instant finished, String error, List<StepTrace> steps) {
        this.id = Objects.requireNonNull(id);
        this.orgId = Objects.requireNonNull(orgId);
        this.flowId = Objects.requireNonNull(flowId);
        if (flowVersion < 1) {
            throw new IllegalArgumentException("flow versions start at 1");
        }
        this.flowVersion = flowVersion;
        this.caller = Objects.requireNonNull(caller);
        this.status = Objects.requireNonNull(status);
        this.started = Objects.requireNonNull(started);
        if ((status == ExecutionStatus.RUNNING) != (finished == null)) {
            throw new IllegalArgumentException("an execution has a finish time exactly when it is no longer RUNNING");
        }
        if (finished != null && finished.isBefore(started)) {
            throw new IllegalArgumentException("an execution cannot finish before it started");
        }
        this.finished = finished;
        this.error = error;
        this.steps = List.copyOf(steps);
    }

    public static Execution start(ExecutionId id, OrgId orgId, FlowId flowId, int flowVersion, Caller caller,
                                  Instant now) {
        return new Execution(id, orgId, flowId, flowVersion, caller, ExecutionStatus.RUNNING, now, null, null, List.of());
    }

    public static Execution restore(ExecutionId id, OrgId orgId, FlowId flowId, int flowVersion, Caller caller,
                                    ExecutionStatus status, Instant started, Instant finished, String error,
                                    List<StepTrace> steps) {
        return new Execution(id, orgId, flowId, flowVersion, caller, status, started, finished, error, steps);
    }

    public void succeed(Instant now, List<StepTrace> trace) {
        finish(ExecutionStatus.SUCCEEDED, now, null, trace);
    }

    public void fail(Instant now, String message, List<StepTrace> trace) {
        finish(ExecutionStatus.FAILED, now, Objects.requireNonNull(message), trace);
    }

    public void timeOut(Instant now, List<StepTrace> trace) {
        finish(ExecutionStatus.TIMED_OUT, now, "the flow ran past its time limit", trace);
    }

    private void finish(ExecutionStatus outcome, Instant now, String message, List<StepTrace> trace) {
        if (status != ExecutionStatus.RUNNING) {
            throw new IllegalStateException("execution " + id + " already ended as " + status);
        }
        List<StepTrace> steps = List.copyOf(trace);
        // A run's clock can step back a little (NTP); a finish before the start would be nonsense in the log.
        this.finished = now.isBefore(started) ? started : now;
        this.status = outcome;
        this.error = message;
        this.steps = steps;
    }

    public ExecutionId id() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public FlowId flowId() {
        return flowId;
    }

    public int flowVersion() {
        return flowVersion;
    }

    public Caller caller() {
        return caller;
    }

    public ExecutionStatus status() {
        return status;
    }

    public Instant started() {
        return started;
    }

    public Optional<Instant> finished() {
        return Optional.ofNullable(finished);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public List<StepTrace> steps() {
        return steps;
    }
}
