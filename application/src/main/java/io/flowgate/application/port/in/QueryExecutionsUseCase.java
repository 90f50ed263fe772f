package io.flowgate.application.port.in;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.log.LogEvent;
import java.time.Instant;
import java.util.List;

/** What happened in the org: flow executions and the system log. */
public interface QueryExecutionsUseCase {

    List<Execution> listExecutions(AdminContext admin, FlowId flowId, PageRequest page);

    Execution getExecution(AdminContext admin, ExecutionId executionId);

    List<LogEvent> listLogEvents(AdminContext admin, Instant since, PageRequest page);
}
