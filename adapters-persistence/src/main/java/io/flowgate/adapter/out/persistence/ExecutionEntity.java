package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.execution.Caller;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.policy.SecurityLevel;
import io.flowgate.domain.scope.ScopeName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "executions")
class ExecutionEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(name = "flow_id", nullable = false)
    String flowId;

    @Column(name = "flow_version", nullable = false)
    int flowVersion;

    @Column(nullable = false)
    String status;

    @Column(name = "caller_client_id")
    String callerClientId;

    /** Space-separated, as scopes travel in OAuth; empty for a caller without a token. */
    @Column(name = "caller_scopes", nullable = false)
    String callerScopes;

    @Column(name = "caller_security", nullable = false)
    String callerSecurity;

    @Column(nullable = false)
    Instant started;

    Instant finished;

    String error;

    /** The step trace as {@link StepTraceJson} objects in a JSON array, kept as text ({@code json}, not {@code jsonb}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "json")
    String steps;

    static ExecutionEntity from(Execution execution) {
        ExecutionEntity entity = new ExecutionEntity();
        entity.id = execution.id().value();
        entity.orgId = execution.orgId().value();
        entity.flowId = execution.flowId().value();
        entity.flowVersion = execution.flowVersion();
        Caller caller = execution.caller();
        entity.callerClientId = caller.clientId().map(AppId::value).orElse(null);
        entity.callerScopes = caller.scopes().stream().map(ScopeName::value).sorted().collect(Collectors.joining(" "));
        entity.callerSecurity = caller.security().name();
        entity.started = execution.started();
        entity.write(execution);
        return entity;
    }

    /** Copies everything about the run that changes when it ends. */
    void write(Execution execution) {
        status = execution.status().name();
        finished = execution.finished().orElse(null);
        // PostgreSQL text cannot hold NUL, and a flow can put one in its error from request data; that
        // must not make the execution unrecordable. (The step trace's JSON writes it as U+FFFD too.)
        error = execution.error().map(text -> text.replace('\0', '\uFFFD')).orElse(null);
        steps = StepTraceJson.write(execution.steps());
    }

    Execution toDomain() {
        Caller caller = new Caller(Optional.ofNullable(callerClientId).map(AppId::new),
                Arrays.stream(callerScopes.split(" ")).filter(scope -> !scope.isEmpty()).map(ScopeName::new)
                        .collect(Collectors.toSet()),
                SecurityLevel.valueOf(callerSecurity));
        return Execution.restore(new ExecutionId(id), new OrgId(orgId), new FlowId(flowId), flowVersion, caller,
                ExecutionStatus.valueOf(status), started, finished, error, StepTraceJson.read(steps));
    }
}
